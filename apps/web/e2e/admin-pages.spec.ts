import { ADMIN, chooseFromMenu, expect, login, switchLanguage, test } from './fixtures';
import { selectByTyping, uniq } from './helpers';

test('the admin pages work in Chinese, errors included', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(/\/clusters$/);
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
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(page.getByTestId(table).getByRole('columnheader', { name: column })).toBeVisible();
  }
  // Built-in role descriptions are translated too, and the scope tags.
  await nav.getByRole('link', { name: '角色', exact: true }).click();
  const roleRow = (name: string) =>
    page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
  await expect(roleRow('viewer')).toContainText('命名空间');
  await expect(roleRow('auditor')).toContainText('查看审计日志');

  // A stable error code, in Chinese: the same team name twice.
  const team = `测试团队 ${uniq()}`;
  await nav.getByRole('link', { name: '团队', exact: true }).click();
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.getByRole('button', { name: '创建团队' }).click();
    const dialog = page.getByRole('dialog', { name: '创建团队' });
    await dialog.getByLabel('名称', { exact: true }).fill(team);
    await dialog.getByRole('button', { name: /^创\s*建$/ }).click();
    if (attempt === 0) {
      await expect(dialog).toBeHidden();
      await page.getByTestId('team-drawer').getByRole('button', { name: '关闭' }).click();
    } else {
      await expect(dialog.getByRole('alert')).toContainText('同名团队已存在。');
      await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    }
  }

  await nav.getByRole('link', { name: '权限检查' }).click();
  await expect(page.getByRole('heading', { name: '权限检查' })).toBeVisible();
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
  await expect(page).toHaveURL(/\/clusters$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Roles', exact: true }).click();
  await page.getByRole('button', { name: 'viewer', exact: true }).click();
  const drawer = page.getByTestId('role-drawer');
  await expect(drawer.getByTestId('rules-table')).toContainText('pods/log');
  await expect(drawer.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(drawer.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await drawer.getByRole('button', { name: 'Clone' }).click();
  const clone = page.getByRole('dialog', { name: 'Clone role viewer' });
  await clone.getByLabel('Name', { exact: true }).fill(copy);
  await clone.getByRole('button', { name: 'Clone' }).click();
  await expect(clone).toBeHidden();
  // The drawer now shows the copy, which is editable.
  await expect(drawer).toContainText(copy);
  await expect(drawer.getByRole('button', { name: 'Edit' })).toBeVisible();
  await drawer.getByRole('button', { name: 'Close' }).click();

  // Put the copy in use.
  await page.getByRole('navigation').getByRole('link', { name: 'Role bindings' }).click();
  await page.getByRole('button', { name: 'Create binding' }).click();
  const bind = page.getByRole('dialog', { name: 'Create binding' });
  await selectByTyping(page, bind.getByRole('combobox', { name: 'Role' }), copy);
  await bind.getByLabel('Cluster', { exact: true }).fill('c2');
  await bind.getByLabel('Namespace', { exact: true }).fill('demo');
  await selectByTyping(page, bind.getByRole('combobox', { name: 'User' }), ADMIN.username, /^admin/);
  await bind.getByRole('button', { name: 'Create' }).click();
  await expect(bind).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: copy })).toContainText('c2/demo');

  await page.getByRole('navigation').getByRole('link', { name: 'Roles', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: copy });
  await expect(row).toContainText('1');
  await row.getByRole('button', { name: 'Delete' }).click();
  // Confirmation dialogs (Modal.confirm) are found by their text.
  const ask = page.locator('.ant-modal-confirm').filter({ hasText: `Delete role ${copy}?` });
  await ask.getByRole('button', { name: 'Delete' }).click();
  const force = page.locator('.ant-modal-confirm').filter({ hasText: `Role ${copy} is still in use` });
  await expect(force).toContainText('1 role binding uses this role');
  await force.getByRole('button', { name: 'Delete role and bindings' }).click();
  await expect(row).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Role bindings' }).click();
  await expect(page.getByTestId('bindings-table').locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: copy })).toHaveCount(0);
});
