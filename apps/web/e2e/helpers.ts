import { expect, type Page } from '@playwright/test';
import { login } from './fixtures';

/** A short suffix so names from earlier runs or tests never collide. */
export const uniq = () => Date.now().toString(36).slice(-5);

/** Picks an option in the open antd Select / AutoComplete dropdown (they render outside the field). */
export async function pickOption(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Types into a searchable Select and picks the matching option. */
export async function selectByTyping(
  page: Page,
  field: ReturnType<Page['getByLabel']>,
  text: string,
  option?: string | RegExp,
) {
  await field.click();
  await field.fill(text);
  await pickOption(page, option ?? text);
}

/** Adds values to a tags/multiple Select: type, Enter, repeat; Escape closes the dropdown. */
export async function addTags(page: Page, field: ReturnType<Page['getByLabel']>, values: string[]): Promise<void> {
  await field.click();
  for (const value of values) {
    await field.fill(value);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) })
      .first()
      .click();
  }
  await page.keyboard.press('Escape');
}

/** Signs in a user created with a temporary password and picks their own one. */
export async function firstLogin(page: Page, username: string, initial: string, own: string): Promise<void> {
  await login(page, username, initial);
  const change = page.getByRole('dialog', { name: /^(Change password|修改密码)$/ });
  await expect(change).toBeVisible();
  await change.getByLabel(/^(Current password)$/).fill(initial);
  await change.getByLabel('New password', { exact: true }).fill(own);
  await change.getByLabel('Confirm new password').fill(own);
  await change.getByRole('button', { name: 'Save' }).click();
  await expect(change).toBeHidden();
}

/** Creates a local user through the Users page (as an admin). */
export async function createUser(page: Page, username: string, displayName: string, password: string): Promise<void> {
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Create user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create user' });
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Display name').fill(displayName);
  await dialog.getByLabel('Initial password').fill(password);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: username })).toBeVisible();
}
