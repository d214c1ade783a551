import { HOME_URL } from './constants';
import { ADMIN, chooseFromMenu, expect, login, switchLanguage, test } from './fixtures';
import { selectByTyping, uniq } from './helpers';
import { answerConfirmation, confirmAction, confirmation, expectSettled, openDialog, openSection, submitDialog } from './overlays';

test('the admin pages work in Chinese, errors included', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  await switchLanguage(page, 'zh');
  const nav = page.getByRole('navigation');
  await expect(nav.getByText('系统管理')).toBeVisible();

  // Nav entry = page heading; each table has its column titles in Chinese.
  const pages: [string, string, string][] = [
    ['用户', 'users-table', '用户名'],
    ['团队', 'teams-table', '成员数'],
    ['角色', 'roles-table', '范围'],
    ['角色绑定', 'bindings-table', '授予对象'],
    ['审计日志', 'audit-table', '操作者'],
  ];
  for (const [name, table, column] of pages) {
    await openSection(page, name);
    await expect(page.getByTestId(table).getByRole('columnheader', { name: column })).toBeVisible();
  }
  // Built-in role descriptions are translated too, and the scope tags.
  await openSection(page, '角色');
  const roleRow = (name: string) =>
    page.getByTestId('roles-table').getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
  await expect(roleRow('viewer')).toContainText('命名空间');
  await expect(roleRow('auditor')).toContainText('查看审计日志');

  // A stable error code, in Chinese: the same team name twice.
  const team = `测试团队 ${uniq()}`;
  await openSection(page, '团队');
  for (let attempt = 0; attempt < 2; attempt++) {
    const dialog = await openDialog(page, page.getByRole('button', { name: '创建团队' }), '创建团队');
    await dialog.getByLabel('名称', { exact: true }).fill(team);
    if (attempt === 0) {
      await submitDialog(dialog, /^创\s*建$/);
      const drawer = page.getByTestId('team-drawer');
      await expectSettled(drawer);
      await drawer.getByRole('button', { name: '关闭' }).click();
      await expect(drawer).toBeHidden();
    } else {
      await dialog.getByRole('button', { name: /^创\s*建$/ }).click();
      await expect(dialog.getByRole('alert')).toContainText('同名团队已存在。');
      await submitDialog(dialog, /^取\s*消$/);
    }
  }

  await openSection(page, '权限检查');
  await page.getByLabel('资源', { exact: true }).fill('pods');
  await page.getByRole('button', { name: /检\s*查/ }).click();
  await expect(page.getByTestId('access-result')).toContainText('允许：通过绑定到用户 admin 的角色 console-admin');

  await chooseFromMenu(page, page.getByTestId('user-menu'), 'API 令牌');
  await expect(page.getByRole('heading', { name: 'API 令牌' })).toBeVisible();

  // Back to English for the tests that follow in this browser profile (the cookie is per context anyway).
  await switchLanguage(page, 'en');
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
});

test('built-in roles are read-only; a clone in use is deleted only after a second confirmation', async ({ page }) => {
  test.setTimeout(90_000);
  const copy = `viewer-copy-${uniq()}`;
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  await openSection(page, 'Roles');
  await page.getByTestId('roles-table').getByRole('button', { name: 'viewer', exact: true }).click();
  const drawer = page.getByTestId('role-drawer');
  await expectSettled(drawer);
  await expect(drawer.getByTestId('rules-table')).toContainText('pods/log');
  await expect(drawer.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(drawer.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  const clone = await openDialog(page, drawer.getByRole('button', { name: 'Clone' }), 'Clone role viewer');
  await clone.getByLabel('Name', { exact: true }).fill(copy);
  await submitDialog(clone, 'Clone');
  // The drawer now shows the copy, which is editable.
  await expect(drawer).toContainText(copy);
  await expect(drawer.getByRole('button', { name: 'Edit' })).toBeVisible();
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();

  // Put the copy in use.
  await openSection(page, 'Role bindings');
  const bind = await openDialog(page, page.getByRole('button', { name: 'Create binding' }), 'Create binding');
  await selectByTyping(page, bind.getByRole('combobox', { name: 'Role' }), copy);
  await bind.getByLabel('Cluster', { exact: true }).fill('c2');
  await bind.getByLabel('Namespace', { exact: true }).fill('demo');
  await selectByTyping(page, bind.getByRole('combobox', { name: 'User' }), ADMIN.username, /^admin/);
  await submitDialog(bind, 'Create');
  await expect(page.getByTestId('bindings-table').getByRole('row').filter({ hasText: copy })).toContainText('c2/demo');

  // Rows are looked up in the roles table: until the Roles page has replaced Role bindings, "the row showing the
  // copy" also matches the new binding's row, whose Delete opens that binding's popconfirm (the flaky failure).
  await openSection(page, 'Roles');
  const row = page.getByTestId('roles-table').getByRole('row').filter({ hasText: copy });
  await expect(row.getByRole('cell').nth(5)).toHaveText('1'); // bindings column: the list is fresh
  await confirmAction(page, row.getByRole('button', { name: 'Delete' }), `Delete role ${copy}?`, 'Delete');
  await expect(confirmation(page, `Role ${copy} is still in use`)).toContainText('1 role binding uses this role');
  await answerConfirmation(page, `Role ${copy} is still in use`, 'Delete role and bindings');
  await expect(row).toHaveCount(0);
  await openSection(page, 'Role bindings');
  const bindings = page.getByTestId('bindings-table');
  await expect(bindings.locator('.ant-table-row').first()).toBeVisible();
  await expect(bindings.getByRole('row').filter({ hasText: copy })).toHaveCount(0);
});
