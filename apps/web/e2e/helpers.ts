import { expect, type Locator, type Page } from '@playwright/test';
import { login } from './fixtures';
import { expectSettled, openDialog, submitDialog } from './overlays';

/** Replaces the Monaco editor's text through the clipboard (typing would trigger auto-indent and completion). */
export async function pasteIntoEditor(page: Page, within: Locator, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await within.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** A short suffix so names from earlier runs or tests never collide. */
export const uniq = () => Date.now().toString(36).slice(-5);

/** Picks an option in the open antd Select / AutoComplete dropdown (they render outside the field). */
export async function pickOption(page: Page, text: string | RegExp): Promise<void> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await expect(option).toBeVisible();
  // The option's own click handler, not a mouse click at coordinates: while the dropdown slides in or re-aligns to
  // the filtered list, Playwright retries with forced scroll alignments that scroll a long page behind a modal;
  // the dropdown then moves and the click lands beside it (lost selections in rbac.spec once the pages grew).
  await option.dispatchEvent('click');
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
    await pickOption(page, new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`));
  }
  await page.keyboard.press('Escape');
}

/** Signs in a user created with a temporary password and picks their own one. */
export async function firstLogin(page: Page, username: string, initial: string, own: string): Promise<void> {
  await login(page, username, initial);
  const change = page.getByRole('dialog', { name: /^(Change password|修改密码)$/ });
  await expectSettled(change);
  await change.getByLabel(/^(Current password)$/).fill(initial);
  await change.getByLabel('New password', { exact: true }).fill(own);
  await change.getByLabel('Confirm new password').fill(own);
  await submitDialog(change, 'Save');
}

/** Creates a local user through the Users page (as an admin). */
export async function createUser(page: Page, username: string, displayName: string, password: string): Promise<void> {
  await page.goto('/admin/users');
  const dialog = await openDialog(page, page.getByRole('button', { name: 'Create user' }), 'Create user');
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Display name').fill(displayName);
  await dialog.getByLabel('Initial password').fill(password);
  await submitDialog(dialog, 'Create');
  await expect(page.getByTestId('users-table').getByRole('row').filter({ hasText: username })).toBeVisible();
}

export type LdapFormValues = {
  id: string;
  displayName: string;
  bindPassword: string;
  url: string;
  bindDn: string;
  userSearchBase: string;
  groupSearchBase: string;
};

/** Fills the "Add an identity provider" drawer for an LDAP directory, starting from its OpenLDAP sample. */
export async function fillLdapProviderForm(drawer: Locator, v: LdapFormValues): Promise<void> {
  await drawer.getByLabel('Provider ID').fill(v.id);
  await drawer.getByLabel('Display name', { exact: true }).fill(v.displayName);
  await drawer.getByLabel('Bind password').fill(v.bindPassword);
  await drawer.getByRole('button', { name: 'Fill OpenLDAP sample' }).click();
  const urls = drawer.getByLabel('Server URLs');
  await urls.fill(v.url);
  await urls.press('Enter');
  await drawer.getByLabel('Bind DN').fill(v.bindDn);
  await drawer.getByLabel('User search base').fill(v.userSearchBase);
  // Groups live beside people (ou=groups), not under the user search base the form would fall back to.
  await drawer.getByLabel('Group search base').fill(v.groupSearchBase);
}
