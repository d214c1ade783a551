import { stringify } from 'yaml';
import type { Page } from '@playwright/test';
import { E2E_BASE_URL, E2E_PORT, OTHER_HOST, HOME_URL } from './constants';
import { LDAP_SETTINGS, LDAP_USER, ldapUrl } from './directory';
import { ADMIN, expect, login, switchLanguage, test } from './fixtures';
import { kubectl } from './console-api';
import { fillLdapProviderForm, pasteIntoEditor, uniq } from './helpers';
import { openDialog, submitDialog } from './overlays';

// Review screenshots, not assertions: playwright.config.ts only includes this file with E2E_SCREENSHOTS=1
// (test-results/screens/*.png). The README's images go to E2E_DOCS_DIR when set:
//   E2E_SCREENSHOTS=1 E2E_DOCS_DIR=../../docs/screenshots npx playwright test e2e/screens.spec.ts

const info = () =>
  JSON.parse(process.env.E2E_CLUSTER ?? '{}') as { server: string; token: string; ca: string; kubeconfigYaml: string };
const headers = { origin: E2E_BASE_URL };
const dir = process.env.E2E_SCREENS_DIR ?? 'test-results/screens';
const shot = (name: string) => ({ path: `${dir}/${name}.png`, fullPage: true });
const docShot = (name: string) => ({ path: `${process.env.E2E_DOCS_DIR ?? dir}/${name}.png`, animations: 'disabled' as const });

test('screens', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  const id = `shots-${uniq()}`;
  const added = await page.request.post('/api/clusters', {
    headers,
    data: { method: 'token', id, displayName: 'Demo <b>cluster</b>', server: info().server, caData: info().ca, token: info().token },
  });
  await page.request.post('/api/identity-providers', {
    headers,
    data: {
      type: 'ldap', id: 'corp', displayName: 'Corp LDAP', bindPassword: LDAP_SETTINGS.bindPassword,
      config: { urls: [ldapUrl()], bindDn: LDAP_SETTINGS.bindDn, userSearchBase: LDAP_SETTINGS.userSearchBase, groupSearchBase: LDAP_SETTINGS.groupSearchBase },
    },
  });
  await page.request.post('/api/identity-providers', {
    headers,
    data: {
      type: 'oidc', id: 'sso', displayName: 'Company SSO', clientSecret: 'x',
      config: { issuer: 'http://127.0.0.1:1/', clientId: 'wheelhouse', allowInsecureHttp: true },
    },
  });
  expect(added.status(), await added.text()).toBe(201);
  await page.goto('/clusters');
  await expect(page.getByTestId('cluster-health').first()).toBeVisible();
  await page.screenshot(shot('clusters-en'));

  const ns = `shots-${uniq()}`;
  const base = `/api/clusters/${id}/resources/core/v1`;
  await page.request.post(`${base}/namespaces`, { headers, data: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } });
  await expect
    .poll(async () => (await page.request.get(`${base}/serviceaccounts/default?namespace=${ns}`)).status(), { timeout: 60_000 })
    .toBe(200);
  for (const name of ['web-7d9f8-abcde', 'worker-0']) {
    await page.request.post(`${base}/pods?namespace=${ns}`, {
      headers,
      data: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels: { app: name.split('-')[0] } }, spec: { containers: [{ name: 'main', image: 'registry.local/app:1' }] } },
    });
  }
  await page.goto(`/clusters/${id}/r/core/v1/pods?namespace=${ns}`);
  await expect(page.getByRole('row').filter({ hasText: 'worker-0' })).toBeVisible();
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await page.screenshot(shot('pods-en'));
  const row = page.getByTestId('resource-table').locator('.wh-vt-row').first();
  if (await row.count()) {
    await row.click();
    await expect(page.getByTestId('object-yaml')).toBeVisible();
    await page.screenshot(shot('yaml-en'));
    await page.keyboard.press('Escape');
  }
  await page.goto(`/clusters/${id}`);
  await expect(page.getByRole('link', { name: 'Deployment', exact: true })).toBeVisible();
  await expect(page.getByTestId('overview-chart').first()).toBeVisible();
  await page.screenshot(shot('overview-en'));
  await page.screenshot(docShot('cluster-overview-en'));
  await page.goto(`/clusters/${id}/r/core/v1/pods/${ns}/worker-0`);
  await expect(page.getByTestId('object-containers')).toBeVisible();
  await page.screenshot(docShot('pod-detail-en'));
  await page.getByRole('tab', { name: 'Related' }).click();
  await expect(page.getByTestId('object-related')).toBeVisible();
  await page.screenshot(docShot('pod-related-en'));
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByTestId('timeline-item').first()).toBeVisible();
  await page.screenshot(docShot('pod-timeline-en'));
  // The YAML editor checks against the cluster's schema while typing; the marker's message on hover.
  type PodJson = { metadata: { managedFields?: unknown; labels?: Record<string, string> }; spec: Record<string, unknown> & { containers: Record<string, unknown>[] } };
  const pod = (await (await page.request.get(`${base}/pods/worker-0?namespace=${ns}`)).json()) as PodJson;
  await page.getByRole('tab', { name: 'YAML' }).click();
  await page.getByRole('button', { name: 'Edit YAML' }).click();
  await pasteIntoEditor(page, page.getByTestId('yaml-edit'), stringify({ ...pod, spec: { ...pod.spec, terminationGracePeriodSeconds: 'soon', containers: [{ ...pod.spec.containers[0], imagePullPolicy: 'Sometimes' }] } }));
  // F8 goes to the first problem and shows its message in place (once the check has found them: it is debounced).
  await expect(page.getByTestId('yaml-edit').locator('[data-problems]')).toHaveAttribute('data-problems', /^[1-9]/);
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  await expect(page.locator('.marker-widget')).toContainText(/Must be one of|Expected integer/);
  await page.screenshot(docShot('yaml-markers-en'));
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Ctrl-K searches every cluster of this run (all the same apiserver) from the caches.
  await page.keyboard.press('Control+K');
  await page.getByTestId('search-palette').getByRole('textbox').fill('worker');
  await expect(page.getByTestId('search-palette').getByTestId('search-result').first()).toBeVisible();
  await page.screenshot(docShot('search-en'));
  await page.keyboard.press('Escape');
  // All namespaces: a cluster-wide subscription.
  await page.goto(`/clusters/${id}/r/core/v1/pods`);
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-state', /live|error|reconnecting/, { timeout: 30_000 }).catch(() => undefined);
  await page.screenshot(shot('pods-all-en'));

  await identityProviderShots(page);

  // zh + dark
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'zh', url: E2E_BASE_URL }]);
  await switchLanguage(page, 'zh');
  await page.getByTestId('theme-toggle').click();
  await page.goto('/clusters');
  await expect(page.getByTestId('cluster-health').first()).toBeVisible();
  await page.screenshot(shot('clusters-zh-dark'));
  const drawer = await openDialog(page, page.getByRole('button', { name: '添加集群' }), '添加集群');
  await drawer.getByText('kubeconfig', { exact: true }).first().click();
  await drawer.getByRole('textbox', { name: 'kubeconfig' }).fill(info().kubeconfigYaml);
  await drawer.getByRole('button', { name: '预览上下文' }).click();
  await expect(drawer.getByTestId('kubeconfig-contexts')).toBeVisible();
  await drawer.getByTestId('kubeconfig-contexts').scrollIntoViewIfNeeded();
  await page.screenshot(shot('add-drawer-zh-dark'));
  await page.goto(`/clusters/${id}/r/core/v1/pods`);
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await expect(page.getByRole('row').filter({ hasText: 'worker-0' })).toBeVisible();
  await page.screenshot(shot('pods-zh-dark'));
  await page.screenshot(docShot('pods-zh-dark'));
  await page.goto(`/clusters/${id}`);
  await expect(page.getByTestId('overview-chart').first()).toBeVisible();
  await page.screenshot(docShot('cluster-overview-zh-dark'));
  await page.goto(`/clusters/${id}/r/core/v1/pods/${ns}/worker-0`);
  await page.getByRole('tab', { name: '时间线' }).click();
  await expect(page.getByTestId('timeline-item').first()).toBeVisible();
  await page.screenshot(docShot('pod-timeline-zh-dark'));
  // A colleague's kubectl owns a label: changing it here stops at the conflict, with the explicit force.
  kubectl(['-n', ns, 'label', 'pod', 'worker-0', 'owner=ops']);
  const labelled = (await (await page.request.get(`${base}/pods/worker-0?namespace=${ns}`)).json()) as PodJson;
  delete labelled.metadata.managedFields;
  await page.getByRole('tab', { name: 'YAML' }).click();
  await page.getByRole('button', { name: '编辑 YAML' }).click();
  await pasteIntoEditor(page, page.getByTestId('yaml-edit'), stringify({ ...labelled, metadata: { ...labelled.metadata, labels: { ...labelled.metadata.labels, owner: 'dev' } } }));
  await page.getByRole('button', { name: '检查变更' }).click();
  await expect(page.getByTestId('yaml-conflicts')).toContainText('kubectl-label');
  await page.screenshot(docShot('yaml-conflict-zh-dark'));
  await page.goto(`/clusters/${id}/r/core/v1/pods`);
  await expect(page.getByRole('row').filter({ hasText: 'worker-0' })).toBeVisible();
  await page.getByRole('row').filter({ hasText: 'worker-0' }).click();
  await expect(page.getByTestId('object-yaml')).toBeVisible();
  await page.screenshot(shot('yaml-zh-dark'));
  await page.goto('/workloads');
  await expect(page.getByRole('link', { name: /Deployment/ })).toBeVisible();
  await page.screenshot(shot('workloads-zh-dark'));
  await page.goto('/admin/providers');
  await openDialog(page, page.getByRole('button', { name: '添加身份提供方' }), '添加身份提供方');
  await page.screenshot(shot('idp-form-zh-dark'));

  await page.context().clearCookies();
  await page.goto('/login?error=IDP_UNAVAILABLE');
  await page.screenshot(shot('login-zh'));
  await switchLanguage(page, 'en');
  await page.screenshot(shot('login-en'));
  await page.goto('/login');
  await page.getByTestId('login-source').getByText('Corp LDAP', { exact: true }).click();
  // antd slides a thumb between the options; the shot waits until it has landed.
  await expect(page.locator('.ant-segmented-item-selected')).toHaveText('Corp LDAP');
  await expect(page.locator('.ant-segmented-thumb')).toHaveCount(0);
  await page.getByLabel('Username').fill(LDAP_USER.username);
  await page.getByLabel('Password').fill(LDAP_USER.password);
  await page.screenshot(docShot('login-ldap'));
});

/** The login page as a first visit meets it: light and dark system setting, English and Chinese. */
test('login screens', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const lang of ['en', 'zh'] as const) {
      await page.context().clearCookies();
      await page.context().addCookies([{ name: 'wh-locale', value: lang, url: E2E_BASE_URL }]);
      await page.goto('/login');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expect(page.getByRole('button', { name: lang === 'zh' ? /^登\s*录$/ : 'Sign in' })).toBeVisible();
      await page.screenshot({ ...shot(`login-${lang}-${colorScheme}`), animations: 'disabled' });
      if (lang === 'zh' && colorScheme === 'dark') await page.screenshot(docShot('login-zh-dark'));
    }
  }
  // Opened at an address that is not PUBLIC_URL: the sign-in says which one to use.
  await page.context().clearCookies();
  await page.goto(`http://${OTHER_HOST}:${E2E_PORT}/login`);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('login-error')).toContainText('PUBLIC_URL');
  await page.screenshot({ ...shot('login-origin-mismatch'), animations: 'disabled' });
  await page.screenshot(docShot('login-origin-mismatch'));
});

/** README: the admin form for OpenLDAP and OIDC (README sample values), and "Test" against the run's slapd. */
async function identityProviderShots(page: Page): Promise<void> {
  await page.goto('/admin/providers');
  // Tall enough for the whole drawer: its body scrolls on its own, so a full-page shot would cut it.
  await page.setViewportSize({ width: 1280, height: 2480 });
  const addProvider = page.getByRole('button', { name: 'Add provider' });
  const drawer = await openDialog(page, addProvider, 'Add an identity provider');
  await fillLdapProviderForm(drawer, {
    id: 'corp',
    displayName: 'Corp LDAP',
    bindPassword: 'service-account-password',
    url: 'ldaps://ldap.example.com:636',
    bindDn: 'cn=wheelhouse,ou=services,dc=example,dc=com',
    userSearchBase: 'ou=people,dc=example,dc=com',
    groupSearchBase: 'ou=groups,dc=example,dc=com',
  });
  await page.mouse.move(0, 0);
  await page.screenshot(docShot('idp-ldap-form'));
  await submitDialog(drawer, 'Cancel');

  await page.setViewportSize({ width: 1280, height: 1300 });
  await openDialog(page, addProvider, 'Add an identity provider');
  await drawer.getByText('OIDC', { exact: true }).click();
  await drawer.getByLabel('Provider ID').fill('sso');
  await drawer.getByLabel('Display name', { exact: true }).fill('Company SSO');
  await drawer.getByLabel('Client secret').fill('client-secret-from-the-provider');
  await drawer.getByLabel('Issuer URL').fill('https://sso.example.com/realms/main');
  await drawer.getByLabel('Client ID').fill('wheelhouse');
  const scopes = drawer.getByLabel('Scopes');
  await scopes.fill('groups');
  await scopes.press('Enter');
  await page.screenshot(docShot('idp-oidc-form'));
  await submitDialog(drawer, 'Cancel');
  await page.setViewportSize({ width: 1280, height: 720 });

  const corp = page.getByRole('row').filter({ hasText: 'Corp LDAP' });
  const probe = await openDialog(page, corp.getByRole('button', { name: 'Test', exact: true }), 'Test Corp LDAP');
  await probe.getByRole('button', { name: 'Test connection' }).click();
  await expect(probe.getByTestId('idp-test-result')).toContainText('Connected and bound');
  await page.screenshot(docShot('idp-ldap-test-connection'));
  await probe.getByLabel('Username to look up').fill(LDAP_USER.username);
  await probe.getByRole('button', { name: 'Test user lookup' }).click();
  await expect(probe.getByTestId('idp-test-result')).toContainText('2 group(s)');
  await page.screenshot(docShot('idp-ldap-test-user'));
  await page.keyboard.press('Escape');
  await expect(probe).toBeHidden();
}
