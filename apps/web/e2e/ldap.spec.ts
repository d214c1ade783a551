import type { APIRequestContext, Page } from '@playwright/test';
import { E2E_BASE_URL, HOME_URL } from './constants';
import { LDAP_SETTINGS, LDAP_USER, ldapGroupDn, ldapUrl } from './directory';
import { ADMIN, expect, login, switchLanguage, test } from './fixtures';
import { fillLdapProviderForm, selectByTyping, uniq } from './helpers';
import { openDialog, openSection, submitDialog } from './overlays';

// One story against the real slapd of global-setup.ts: the admin adds the directory through the form and binds
// its `developers` group to a namespace role in c1/team-a; Lin (developers only through a nested group) signs in
// on the LDAP tab and sees team-a's objects, never team-b's.
const id = uniq();
const PROVIDER = `ldap-${id}`;
const NAME = `Example LDAP ${id}`;
const DEVELOPERS = ldapGroupDn('developers');
const CLUSTER = 'c1';
const OWN = 'team-a';
const OTHER = 'team-b';
const configMapName = (ns: string) => `${ns}-settings-${id}`;
const headers = { origin: E2E_BASE_URL };

type ClusterInfo = { server: string; ca: string; token: string };
const clusterInfo = (): ClusterInfo => JSON.parse(process.env.E2E_CLUSTER ?? '{}') as ClusterInfo;

/** c1 is the run's local cluster (registered here unless a spec before did), with a ConfigMap in each namespace. */
async function prepareCluster(request: APIRequestContext): Promise<void> {
  if ((await request.get(`/api/clusters/${CLUSTER}`)).status() === 404) {
    const { server, ca, token } = clusterInfo();
    const added = await request.post('/api/clusters', {
      headers,
      data: { method: 'token', id: CLUSTER, server, caData: ca, token },
    });
    expect(added.status(), await added.text()).toBe(201);
  }
  const base = `/api/clusters/${CLUSTER}/resources/core/v1`;
  for (const ns of [OWN, OTHER]) {
    const created = await request.post(`${base}/namespaces`, {
      headers,
      data: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
    });
    // 409: an earlier spec of this run made it; the ConfigMaps below are this run's own anyway.
    expect([201, 409], await created.text()).toContain(created.status());
    const configMap = await request.post(`${base}/configmaps?namespace=${ns}`, {
      headers,
      data: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: configMapName(ns), namespace: ns },
        data: { team: ns },
      },
    });
    expect(configMap.status(), await configMap.text()).toBe(201);
  }
}

/** Signs in on the provider's tab of the login page and returns the status of the LDAP sign-in request. */
async function ldapSignIn(page: Page, password: string, zh = false): Promise<number> {
  await page.getByTestId('login-source').getByText(NAME, { exact: true }).click();
  await page.getByLabel(zh ? '用户名' : 'Username', { exact: true }).fill(LDAP_USER.username);
  await page.getByLabel(zh ? '密码' : 'Password', { exact: true }).fill(password);
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/auth/ldap/${PROVIDER}/login`));
  await page.getByRole('button', { name: zh ? /^登\s*录$/ : 'Sign in' }).click();
  return (await answer).status();
}

test.describe.serial('an LDAP group bound in c1/team-a, from the admin form to the member', () => {
  test('an admin adds the directory through the form, tests it and binds `developers` in c1/team-a', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await login(page, ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(HOME_URL);
    await prepareCluster(page.request);

    await openSection(page, 'Identity providers');
    const drawer = await openDialog(page, page.getByRole('button', { name: 'Add provider' }), 'Add an identity provider');
    await fillLdapProviderForm(drawer, { id: PROVIDER, displayName: NAME, url: ldapUrl(), ...LDAP_SETTINGS });
    await submitDialog(drawer, 'Save');
    const row = page.getByRole('row').filter({ hasText: PROVIDER });
    await expect(row).toContainText('LDAP / Active Directory');

    // The admin's probes against the real directory: service bind, then Lin with the nested group resolved.
    const probe = await openDialog(page, row.getByRole('button', { name: 'Test', exact: true }), `Test ${NAME}`);
    await probe.getByRole('button', { name: 'Test connection' }).click();
    await expect(probe.getByTestId('idp-test-result')).toContainText('Everything worked.');
    await probe.getByLabel('Username to look up').fill(LDAP_USER.username);
    await probe.getByRole('button', { name: 'Test user lookup' }).click();
    await expect(probe.getByTestId('idp-test-result')).toContainText('with 2 group(s)');
    await expect(probe.getByText(DEVELOPERS, { exact: true })).toBeVisible();
    await expect(probe.getByText(ldapGroupDn('frontend'), { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(probe).toBeHidden();

    // The group, by DN as the directory reports it, gets the built-in developer role in c1/team-a.
    await openSection(page, 'Role bindings');
    const bind = await openDialog(page, page.getByRole('button', { name: 'Create binding' }), 'Create binding');
    await selectByTyping(page, bind.getByRole('combobox', { name: 'Role' }), 'developer', /^developer$/);
    await bind.getByLabel('Cluster', { exact: true }).fill(CLUSTER);
    await bind.getByLabel('Namespace', { exact: true }).fill(OWN);
    await bind.locator('.ant-radio-button-wrapper', { hasText: 'Group' }).click();
    await bind.getByLabel('Identity provider').fill(PROVIDER);
    await bind.getByLabel('Group name').fill(DEVELOPERS);
    await submitDialog(bind, 'Create');
    const binding = page.getByTestId('bindings-table').getByRole('row').filter({ hasText: DEVELOPERS });
    await expect(binding).toContainText('developer');
    await expect(binding).toContainText(`${CLUSTER}/${OWN}`);
    await expect(binding).toContainText(PROVIDER);
  });

  test('Lin signs in on the LDAP tab and sees team-a only; a wrong password is refused in her language', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/login');
    expect(await ldapSignIn(page, 'not-lins-password')).toBe(401);
    await expect(page.getByTestId('login-error')).toContainText('Incorrect username or password.');
    // The language switch reloads the page, so the tab is picked again.
    await switchLanguage(page, 'zh');
    expect(await ldapSignIn(page, 'still-not-lins-password', true)).toBe(401);
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误。');
    await switchLanguage(page, 'en');

    expect(await ldapSignIn(page, LDAP_USER.password)).toBe(200);
    await expect(page).toHaveURL(HOME_URL);
    await expect(page.getByTestId('user-menu')).toContainText(LDAP_USER.displayName);
    // Home lists only what the group's binding reaches, and so does the clusters page.
    await expect(page.getByTestId('home-clusters').locator('tbody tr.ant-table-row')).toHaveCount(1);
    await openSection(page, 'Clusters');
    // Only the cluster the group is bound in, whatever else this run registered.
    const clusters = page.getByTestId('clusters-table').locator('tbody tr.ant-table-row');
    await expect(clusters).toHaveCount(1);
    await expect(clusters).toContainText(CLUSTER);

    // All namespaces asked for: narrowed to team-a by the binding, never an error.
    await page.goto(`/clusters/${CLUSTER}/r/core/v1/configmaps`);
    const table = page.getByTestId('resource-table');
    await expect(table.getByRole('row').filter({ hasText: configMapName(OWN) })).toBeVisible();
    await expect(page.getByText(`Showing only the namespaces you have access to: ${OWN}`)).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: OTHER })).toHaveCount(0);
    await page.getByTestId('namespace-select').click();
    await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveText([OWN]);
    await page.keyboard.press('Escape');

    // Asking for team-b by URL shows the refusal, not its objects.
    await page.goto(`/clusters/${CLUSTER}/r/core/v1/configmaps?namespace=${OTHER}`);
    await expect(page.getByRole('alert').filter({ hasText: 'permission' })).toBeVisible();
    await expect(
      page
        .getByTestId('resource-table')
        .getByRole('row')
        .filter({ hasText: configMapName(OTHER) }),
    ).toHaveCount(0);
  });
});
