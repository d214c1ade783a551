import { ADMIN, expect, login, logout, switchLanguage, test } from './fixtures';
import { E2E_BASE_URL, HOME_URL } from './constants';
import { openSection } from './overlays';

test.describe('console basics as the bootstrap admin', () => {
  test('logs in, switches language and theme, logs out', async ({ page }) => {
    await login(page, ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(HOME_URL);
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'Workloads' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();

    // zh and back: the whole shell renders from the other catalog, and the choice survives a reload.
    await switchLanguage(page, 'zh');
    await expect(nav.getByRole('link', { name: '工作负载' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('section-title')).toContainText('概览');
    await page.reload();
    await expect(nav.getByRole('link', { name: '工作负载' })).toBeVisible();
    await switchLanguage(page, 'en');
    await expect(nav.getByRole('link', { name: 'Workloads' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // Dark mode changes real colours (antd tokens), and survives a reload via its cookie.
    const header = page.locator('.wh-header');
    const background = () => header.evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await page.getByTestId('theme-toggle').click();
    await expect.poll(background).not.toBe(light);
    const dark = await background();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(background).toBe(dark);
    await page.getByTestId('theme-toggle').click();
    await expect.poll(background).toBe(light);

    await logout(page);
    // The session is really gone: console pages send us back to the login page.
    await page.goto('/workloads');
    await expect(page).toHaveURL(/\/login\?next=%2Fworkloads$/);
  });

  test('shows a translated error for a wrong password', async ({ page }) => {
    await login(page, ADMIN.username, 'definitely-not-the-password');
    await expect(page.getByTestId('login-error')).toContainText('Incorrect username or password.');
    await expect(page).toHaveURL(/\/login/);

    await switchLanguage(page, 'zh');
    // The switch reloads the page: the form starts empty again.
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill('still-not-the-password');
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误。');
  });

  test('returns to the requested page after login', async ({ page }) => {
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  });
});

test('every section renders offline: no request leaves 127.0.0.1', async ({ page }) => {
  const hosts = new Set<string>();
  page.on('request', (request) => hosts.add(new URL(request.url()).host));

  await login(page, ADMIN.username, ADMIN.password);
  const nav = page.getByRole('navigation');
  for (const section of ['Clusters', 'Workloads', 'Config', 'Network', 'Storage']) {
    await nav.getByRole('link', { name: section }).click();
    await expect(page.getByTestId('section-title')).toContainText(section);
  }
  await openSection(page, 'Users');
  await expect(page.getByTestId('users-table').getByRole('row').filter({ hasText: 'admin' }).first()).toBeVisible();

  // The auto fixture checks every test the same way; this one names the guarantee and walks every page.
  expect([...hosts].filter((host) => host !== '')).toEqual([new URL(E2E_BASE_URL).host]);
});

test('the Content-Security-Policy blocks injected markup with script, and the guard of every test sees it', async ({ page, csp }) => {
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  csp.expect(/^script-src/);
  // What an XSS through cluster-supplied text would try: markup with an inline handler. Without a nonce it never runs.
  const ran = await page.evaluate(async () => {
    const box = document.createElement('div');
    box.innerHTML = '<img src="data:," onerror="window.__injected = true">';
    document.body.append(box);
    await new Promise((resolve) => setTimeout(resolve, 200));
    box.remove();
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});
