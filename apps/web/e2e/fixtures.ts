import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { OTHER_HOST } from './constants';
import { expectSettled } from './overlays';

export { ADMIN } from './constants';
export type { Page };

/** Schemes that never touch the network. */
const LOCAL_SCHEMES = ['data:', 'blob:', 'about:'];
/** 127.0.0.1 under the names first-visit.spec.ts opens the console at. */
const LOCAL_HOSTS = ['127.0.0.1', 'localhost', OTHER_HOST];

/**
 * Every test watches its page's requests: the console must work offline, so nothing may leave 127.0.0.1
 * (no fonts, CDNs, telemetry or update checks).
 */
/** A test that provokes a violation on purpose declares it; it must then happen (the policy is proven to block). */
export interface CspGuard {
  expect(pattern: RegExp): void;
}

export const test = base.extend<{ offlineGuard: undefined; csp: CspGuard; diagnostics: undefined }>({
  offlineGuard: [
    async ({ page }, use) => {
      const escaped: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!LOCAL_SCHEMES.includes(url.protocol) && !LOCAL_HOSTS.includes(url.hostname)) {
          escaped.push(request.url());
        }
      });
      await use(undefined);
      expect(escaped, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
  // The strict Content-Security-Policy must hold on every page the specs visit, and no page may throw: a blocked
  // script, style, worker or connection and an uncaught error both fail the test that caused them.
  csp: [
    async ({ page }, use) => {
      const violations: string[] = [];
      const expected: RegExp[] = [];
      const errors: string[] = [];
      await page.exposeBinding('__whCspViolation', (_source, report: string) => void violations.push(report));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __whCspViolation?: (r: string) => void }).__whCspViolation;
          report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use({ expect: (pattern) => void expected.push(pattern) });
      for (const pattern of expected) {
        // Reports cross from the page to this process asynchronously.
        await expect.poll(() => violations.some((v) => pattern.test(v)), { message: `a violation matching ${String(pattern)}`, timeout: 5_000 }).toBe(true);
      }
      expect(violations.filter((v) => !expected.some((p) => p.test(v))), 'Content-Security-Policy violations').toEqual([]);
      expect(errors, 'uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
  // A failed test prints what the page showed and what broke in it: CI keeps only the console output.
  diagnostics: [
    async ({ page }, use, testInfo) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') {
          problems.push(`console.error: ${message.text()}`);
        }
      });
      page.on('requestfailed', (request) =>
        problems.push(`requestfailed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`),
      );
      page.on('response', (response) => {
        if (response.status() >= 500) {
          problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
        }
      });
      await use(undefined);
      if (testInfo.status !== testInfo.expectedStatus && !page.isClosed()) {
        const lang = await page.locator('html').getAttribute('lang', { timeout: 1_000 }).catch(() => '?');
        const snapshot = await page.locator('body').ariaSnapshot({ timeout: 2_000 }).catch((e) => String(e));
        console.log(
          [
            `--- diagnostics for "${testInfo.title}": ${page.url()} (lang ${lang})`,
            ...problems.slice(-20),
            snapshot.split('\n').slice(0, 200).join('\n'),
            '---',
          ].join('\n'),
        );
      }
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

/**
 * Opens an antd dropdown menu and clicks one of its items once the menu has finished appearing. A click during the
 * slide-in animation can land beside the moving item and be lost (seen in CI: the menu stayed open, nothing
 * happened); the menu closing afterwards proves the click was taken.
 */
export async function chooseFromMenu(page: Page, trigger: Locator, item: string | RegExp): Promise<void> {
  await trigger.click();
  const dropdown = page.locator('.ant-dropdown:visible');
  const entry = dropdown.getByRole('menuitem', { name: item });
  await expect(entry).toBeVisible();
  await expectSettled(dropdown);
  await entry.click();
  await expect(dropdown).toHaveCount(0);
}

/**
 * Switches the UI language and waits until the refresh it starts has finished: the switch shows a spinner while
 * the server components re-render, and acting before that can race the new render.
 */
export async function switchLanguage(page: Page, to: 'zh' | 'en'): Promise<void> {
  await chooseFromMenu(page, page.getByTestId('language-switch'), to === 'zh' ? '简体中文' : 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', to === 'zh' ? 'zh-CN' : 'en');
  await expect(page.getByTestId('language-switch')).toHaveText(to === 'zh' ? '简体中文' : 'English');
  await expect(page.getByTestId('language-switch')).not.toHaveClass(/ant-btn-loading/);
}

export async function logout(page: Page): Promise<void> {
  await chooseFromMenu(page, page.getByTestId('user-menu'), /(Log out|退出登录)$/);
  await expect(page).toHaveURL(/\/login$/);
}
