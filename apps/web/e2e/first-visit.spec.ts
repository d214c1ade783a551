import { E2E_BASE_URL, E2E_PORT, OTHER_HOST } from './constants';
import { ADMIN, expect, switchLanguage, test, type Page } from './fixtures';

// What a new user meets before the first page: the address they typed, and their system's dark mode.
// The suite's PUBLIC_URL is E2E_BASE_URL (127.0.0.1); `localhost` is another spelling of the same loopback
// origin, and OTHER_HOST is a name Chromium resolves to 127.0.0.1 that is not a loopback spelling (a LAN name).

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('the console opened at another loopback spelling of its URL signs in there', async ({ page }) => {
  await page.goto(`http://localhost:${E2E_PORT}/clusters`);
  // Redirected before the login page: the sign-in then happens on PUBLIC_URL, where the cookie and Origin match.
  await expect(page).toHaveURL(`${E2E_BASE_URL}/login?next=%2Fclusters`);
  await signIn(page);
  await expect(page).toHaveURL(`${E2E_BASE_URL}/clusters`);
  await expect(page.getByTestId('section-title')).toContainText('Clusters');
});

test('the console opened at an address other than PUBLIC_URL says which address to use', async ({ page }) => {
  const elsewhere = `http://${OTHER_HOST}:${E2E_PORT}`;
  await page.goto(`${elsewhere}/login`);
  await expect(page).toHaveURL(`${elsewhere}/login`); // not a loopback spelling: no redirect
  await signIn(page);
  const error = page.getByTestId('login-error');
  await expect(error).toContainText('other than the console\'s configured URL (PUBLIC_URL)');
  await expect(error).toContainText(`Configured URL (PUBLIC_URL): ${E2E_BASE_URL}. This page: ${elsewhere}.`);
  await switchLanguage(page, 'zh');
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(error).toContainText(`配置的地址（PUBLIC_URL）：${E2E_BASE_URL}。当前页面：${elsewhere}。`);
});

/** Relative luminance of a CSS rgb()/rgba() colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test('the login page follows the system dark mode until the user picks a theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/login');
  const card = page.locator('.wh-login-card');
  const cardColor = () => card.evaluate((el) => getComputedStyle(el).backgroundColor);
  const pageColor = () => page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => luminance(await cardColor())).toBeLessThan(0.2);
  await expect.poll(async () => luminance(await pageColor())).toBeLessThan(0.2);
  // From then on the browser tells the server (client hint): the page arrives dark, no light flash first.
  const again = await page.reload();
  expect(await again?.text()).toMatch(/<html[^>]* data-theme="dark"/);

  // A system switch while the page is open is followed as well.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(async () => luminance(await cardColor())).toBeGreaterThan(0.8);

  // The toggle is an explicit choice: it outlives the system setting and a reload.
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => luminance(await cardColor())).toBeLessThan(0.2);
});
