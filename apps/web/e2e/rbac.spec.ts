import { HOME_URL } from './constants';
import { ADMIN, chooseFromMenu, expect, login, logout, test } from './fixtures';
import { addTags, createUser, firstLogin, selectByTyping, uniq } from './helpers';
import { expectSettled, openDialog, openSection, submitDialog } from './overlays';

// One story, in order: the admin sets up access, the member uses it, an auditor reads the trail.
const id = uniq();
const TEAM = `Platform 平台 ${id}`;
const ROLE = `pod-reader-${id}`;
const MEMBER = { username: `member-${id}`, initial: 'member-initial-pw-1', own: 'member-own-passw0rd-2' };
const AUDITOR = { username: `auditor-${id}`, initial: 'auditor-initial-pw-1', own: 'auditor-own-passw0rd-2' };

test.describe.serial('RBAC from the admin pages to the member and the audit log', () => {
  test('an admin creates a team, a namespace role and binds it to the team in c1/team-a', async ({ page }) => {
    test.setTimeout(120_000);
    await login(page, ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(HOME_URL);
    await createUser(page, MEMBER.username, '成员 <i>member</i>', MEMBER.initial);
    await createUser(page, AUDITOR.username, 'Auditor', AUDITOR.initial);

    // Team, with the new user added through the picker.
    await openSection(page, 'Teams');
    const teamDialog = await openDialog(page, page.getByRole('button', { name: 'Create team' }), 'Create team');
    await teamDialog.getByLabel('Name', { exact: true }).fill(TEAM);
    await submitDialog(teamDialog, 'Create');
    const drawer = page.getByTestId('team-drawer');
    await expectSettled(drawer);
    await expect(drawer).toContainText(TEAM);
    await selectByTyping(page, drawer.getByRole('combobox'), MEMBER.username);
    await drawer.getByRole('button', { name: 'Add member' }).click();
    await expect(drawer.getByTestId('team-members')).toContainText('成员 <i>member</i>');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByTestId('teams-table').getByRole('row').filter({ hasText: TEAM })).toContainText('1');

    // A custom namespace role that reads pods only, built with the rule pickers.
    await openSection(page, 'Roles');
    const roleDialog = await openDialog(page, page.getByRole('button', { name: 'Create role' }), 'Create role');
    await roleDialog.getByRole('button', { name: 'Create' }).click();
    await expect(roleDialog.getByText('This field is required.').first()).toBeVisible();
    await roleDialog.getByLabel('Name', { exact: true }).fill(ROLE);
    await expect(roleDialog.getByRole('radio', { name: 'Namespace' })).toBeChecked();
    await roleDialog.getByLabel('Description', { exact: true }).fill('Read pods only');
    await addTags(page, roleDialog.getByLabel('Verbs', { exact: true }), ['get', 'list']);
    await addTags(page, roleDialog.getByLabel('API groups', { exact: true }), ['core']);
    await addTags(page, roleDialog.getByLabel('Resources', { exact: true }), ['pods']);
    await submitDialog(roleDialog, 'Create');
    const roleRow = page.getByTestId('roles-table').getByRole('row').filter({ hasText: ROLE });
    await expect(roleRow).toContainText('Namespace');
    await expect(roleRow).toContainText('Custom');

    // Bind it to the team in c1/team-a; the role fixes the scope kind.
    await openSection(page, 'Role bindings');
    const createBinding = page.getByRole('button', { name: 'Create binding' });
    const bindDialog = await openDialog(page, createBinding, 'Create binding');
    await selectByTyping(page, bindDialog.getByRole('combobox', { name: 'Role' }), ROLE);
    await expect(bindDialog).toContainText('is bound in one namespace.');
    await bindDialog.getByLabel('Cluster', { exact: true }).fill('c1');
    await bindDialog.getByLabel('Namespace', { exact: true }).fill('team-a');
    // antd hides the radio input itself; its label is what people click.
    await bindDialog.locator('.ant-radio-button-wrapper', { hasText: 'Team' }).click();
    await selectByTyping(page, bindDialog.getByRole('combobox', { name: 'Team' }), id, TEAM);
    await submitDialog(bindDialog, 'Create');
    const bindingRow = page.getByTestId('bindings-table').getByRole('row').filter({ hasText: ROLE });
    await expect(bindingRow).toContainText(TEAM);
    await expect(bindingRow).toContainText('c1/team-a');

    // A global auditor binding for the last part of the story; global roles ask for no cluster.
    await openDialog(page, createBinding, 'Create binding');
    await selectByTyping(page, bindDialog.getByRole('combobox', { name: 'Role' }), 'auditor');
    await expect(bindDialog.getByLabel('Cluster', { exact: true })).toHaveCount(0);
    await selectByTyping(page, bindDialog.getByRole('combobox', { name: 'User' }), AUDITOR.username);
    await submitDialog(bindDialog, 'Create');

    // Binding the same thing twice is refused with the translated stable code.
    await openDialog(page, createBinding, 'Create binding');
    await selectByTyping(page, bindDialog.getByRole('combobox', { name: 'Role' }), 'auditor');
    await selectByTyping(page, bindDialog.getByRole('combobox', { name: 'User' }), AUDITOR.username);
    await bindDialog.getByRole('button', { name: 'Create' }).click();
    await expect(bindDialog.getByRole('alert')).toContainText('This role binding already exists.');
    await submitDialog(bindDialog, 'Cancel');

    // The member's effective bindings show the team binding next to the automatic `user` role.
    await openSection(page, 'Users');
    const memberRow = page.getByTestId('users-table').getByRole('row').filter({ hasText: MEMBER.username });
    await memberRow.getByRole('button', { name: 'Bindings' }).click();
    const effective = page.getByTestId('user-bindings');
    await expectSettled(effective);
    await expect(effective.getByRole('row').filter({ hasText: ROLE })).toContainText(TEAM);
    await expect(effective.getByRole('row').filter({ hasText: 'Global' })).toContainText('user');
  });

  test('the member sees only what the summary allows, and the explainer says why', async ({ page, request }) => {
    test.setTimeout(120_000);
    await firstLogin(page, MEMBER.username, MEMBER.initial, MEMBER.own);
    const nav = page.getByRole('navigation');
    // The built-in `user` role reads roles; Check access is for everyone. Nothing else of Admin shows.
    await expect(nav.getByRole('link', { name: 'Roles', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Check access' })).toBeVisible();
    for (const hidden of ['Users', 'Teams', 'Role bindings', 'Audit log']) {
      await expect(nav.getByRole('link', { name: hidden, exact: true })).toHaveCount(0);
    }
    await openSection(page, 'Roles');
    await expect(page.getByTestId('roles-table').getByRole('row').filter({ hasText: ROLE })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create role' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Clone' })).toHaveCount(0);

    await openSection(page, 'Check access');
    await expect(page.getByLabel('User', { exact: true })).toHaveCount(0);
    await page.getByLabel('Resource', { exact: true }).fill('pods');
    await page.getByLabel('Cluster', { exact: true }).fill('c1');
    await page.getByLabel('Namespace', { exact: true }).fill('team-a');
    await page.getByRole('button', { name: 'Check' }).click();
    const result = page.getByTestId('access-result');
    await expect(result).toContainText(
      `Allowed via role ${ROLE} bound to team ${TEAM} in c1/team-a, rule #1: get, list pods (core)`,
    );
    await page.getByLabel('Namespace', { exact: true }).fill('team-b');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(result).toContainText(`Denied: role ${ROLE} is bound in c1/team-a, not in c1/team-b.`);
    await page.getByLabel('Resource', { exact: true }).fill('secrets');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(result).toContainText('Denied: none of your roles has a rule that allows list secrets.');

    // An API token, shown once; it really authenticates as the member.
    await chooseFromMenu(page, page.getByTestId('user-menu'), 'API tokens');
    await expect(page).toHaveURL(/\/settings\/tokens$/);
    const create = await openDialog(page, page.getByRole('button', { name: 'Create token' }), 'Create token');
    await create.getByLabel('Name', { exact: true }).fill('CI deploy');
    await submitDialog(create, 'Create');
    const shown = page.getByRole('dialog', { name: 'Token “CI deploy” created' });
    await expectSettled(shown);
    await expect(shown).toContainText('It is shown only this once');
    const token = await shown.getByTestId('new-token').inputValue();
    expect(token.length).toBeGreaterThan(20);
    const me = await request.get('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).username).toBe(MEMBER.username);
    await submitDialog(shown, 'I have copied it');
    const row = page.getByRole('row').filter({ hasText: 'CI deploy' });
    await expect(row).toContainText(token.slice(0, 8));
    // Gone from the page for good: only the prefix remains.
    await expect(page.locator(`input[value="${token}"]`)).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);
    await logout(page);
  });

  test('an auditor reads these actions in the audit log and changes nothing', async ({ page }) => {
    test.setTimeout(90_000);
    await firstLogin(page, AUDITOR.username, AUDITOR.initial, AUDITOR.own);
    await openSection(page, 'Teams');
    await expect(page.getByTestId('teams-table').getByRole('row').filter({ hasText: TEAM })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create team' })).toHaveCount(0);

    await openSection(page, 'Audit log');
    const table = page.getByTestId('audit-table');
    await page.getByPlaceholder('Actor').fill(ADMIN.username);
    for (const [action, target] of [
      ['team.create', TEAM],
      ['team.member_add', TEAM],
      ['role.create', ROLE],
      ['rolebinding.create', 'c1/team-a'],
    ]) {
      await expect(
        table.getByRole('row').filter({ hasText: action }).filter({ hasText: target }).first(),
      ).toBeVisible();
    }
    await page.getByPlaceholder('Actor').fill(MEMBER.username);
    const tokenRow = table.getByRole('row').filter({ hasText: 'token.create' });
    await expect(tokenRow).toContainText('CI deploy');
    await expect(table.getByRole('row').filter({ hasText: 'team.create' })).toHaveCount(0);

    // The export carries the same filters and really downloads CSV for this session.
    const href = await page.getByTestId('audit-csv').getAttribute('href');
    expect(href).toBe(`/api/audit/export.csv?actor=${MEMBER.username}`);
    const csv = await page.request.get(href!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('token.create');
  });
});
