import { HOME_URL } from './constants';
import { ADMIN, expect, login, logout, test } from './fixtures';
import { expectSettled, openDialog, openSection, submitDialog } from './overlays';

test('an admin creates a user who can sign in but does not see Admin', async ({ page }) => {
  const username = `e2e-${Date.now().toString(36)}`;
  const initialPassword = 'initial-passw0rd-1';
  const ownPassword = 'my-own-passw0rd-22';

  await login(page, ADMIN.username, ADMIN.password);
  await openSection(page, 'Users');
  await expect(page).toHaveURL(/\/admin\/users$/);
  const dialog = await openDialog(page, page.getByRole('button', { name: 'Create user' }), 'Create user');
  // The shared zod schemas validate in the browser, with translated messages.
  await dialog.getByLabel('Username').fill('Not Valid!');
  await dialog.getByLabel('Initial password').fill('short');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Invalid format.')).toBeVisible();
  await expect(dialog.getByText('Must be at least 12 characters.')).toBeVisible();

  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Display name').fill('<img src=x onerror=alert(1)> 测试');
  await dialog.getByLabel('Initial password').fill(initialPassword);
  await submitDialog(dialog, 'Create');

  const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: username });
  // Markup in user data is shown as text, never interpreted.
  await expect(row).toContainText('<img src=x onerror=alert(1)> 测试');
  await expect(row).toContainText('Must change password');
  await logout(page);

  await login(page, username, initialPassword);
  // New accounts must pick their own password first.
  const change = page.getByRole('dialog', { name: 'Change password' });
  await expectSettled(change);
  await change.getByLabel('Current password').fill(initialPassword);
  await change.getByLabel('New password', { exact: true }).fill(ownPassword);
  await change.getByLabel('Confirm new password').fill(ownPassword);
  await submitDialog(change, 'Save');

  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Clusters' })).toBeVisible();
  // Admin shows only what the permission summary grants: the baseline `user` role reads roles, and anyone may
  // check their own access. User management stays hidden.
  await expect(nav.getByRole('link', { name: 'Roles', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Check access' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);

  // The API is the enforcement point: the page itself answers with a translated 403.
  await page.goto('/admin/users');
  await expect(page.getByText('You do not have permission to do this.')).toBeVisible();

  await logout(page);
  await login(page, username, ownPassword);
  await expect(page).toHaveURL(HOME_URL);
});
