/** Shared by playwright.config.ts (launcher env) and the specs (login). */
// Overridable so two runs (e.g. two colleagues on one machine) do not fight over the port.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const ADMIN = { username: 'admin', password: 'e2e-Admin-passw0rd!' } as const;
/** A name Chromium resolves to 127.0.0.1 (playwright.config.ts) that is not a loopback spelling: a LAN address. */
export const OTHER_HOST = 'console.wheelhouse.test';
/** Where a sign-in without `next` lands: the console home (overview of every cluster the user may see). */
export const HOME_URL = `${E2E_BASE_URL}/`;
