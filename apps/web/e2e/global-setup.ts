import type { FullConfig } from '@playwright/test';

/**
 * The launcher reports ready (/readyz) once the API and database are; the Next.js server behind its proxy
 * may still be starting, so wait until the login page itself answers.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) {
    throw new Error('baseURL is not configured');
  }
  const deadline = Date.now() + 60_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(new URL('/login', baseURL));
      if (response.ok) {
        return;
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The web app did not answer at ${baseURL}/login within 60 s (${last})`);
}
