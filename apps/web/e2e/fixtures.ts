import { test as base, expect, type Page } from '@playwright/test';

export { ADMIN } from './constants';

/** Schemes that never touch the network. */
const LOCAL_SCHEMES = ['data:', 'blob:', 'about:'];

/**
 * Every test watches its page's requests: the console must work offline, so nothing may leave 127.0.0.1
 * (no fonts, CDNs, telemetry or update checks).
 */
export const test = base.extend<{ offlineGuard: undefined }>({
  offlineGuard: [
    async ({ page }, use) => {
      const escaped: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!LOCAL_SCHEMES.includes(url.protocol) && url.hostname !== '127.0.0.1') {
          escaped.push(request.url());
        }
      });
      await use(undefined);
      expect(escaped, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^(Username|用户名)$/).fill(username);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|登\s*录)$/ }).click();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /(Log out|退出登录)$/ }).click();
  await expect(page).toHaveURL(/\/login$/);
}
