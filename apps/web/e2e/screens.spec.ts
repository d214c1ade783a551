import { E2E_BASE_URL } from './constants';
import { ADMIN, expect, login, switchLanguage, test } from './fixtures';
import { uniq } from './helpers';

// Review screenshots, not assertions: playwright.config.ts only includes this file with E2E_SCREENSHOTS=1
// (test-results/screens/*.png).

const info = () =>
  JSON.parse(process.env.E2E_CLUSTER ?? '{}') as { server: string; token: string; ca: string; kubeconfigYaml: string };
const headers = { origin: E2E_BASE_URL };
const dir = process.env.E2E_SCREENS_DIR ?? 'test-results/screens';
const shot = (name: string) => ({ path: `${dir}/${name}.png`, fullPage: true });

test('screens', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(/\/clusters$/);
  const id = `shots-${uniq()}`;
  const added = await page.request.post('/api/clusters', {
    headers,
    data: { method: 'token', id, displayName: 'Demo <b>cluster</b>', server: info().server, caData: info().ca, token: info().token },
  });
  await page.request.post('/api/identity-providers', {
    headers,
    data: {
      type: 'ldap', id: 'corp', displayName: 'Corp LDAP', bindPassword: 'x',
      config: { urls: ['ldap://127.0.0.1:1'], bindDn: 'cn=svc,dc=example,dc=com', userSearchBase: 'ou=people,dc=example,dc=com' },
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
  const row = page.getByTestId('resource-table').locator('tbody tr.wh-clickable-row').first();
  if (await row.count()) {
    await row.click();
    await expect(page.getByTestId('object-yaml')).toBeVisible();
    await page.screenshot(shot('yaml-en'));
    await page.keyboard.press('Escape');
  }
  await page.goto(`/clusters/${id}`);
  await expect(page.getByRole('link', { name: 'Deployment', exact: true })).toBeVisible();
  await page.screenshot(shot('overview-en'));
  // All namespaces: a cluster-wide subscription.
  await page.goto(`/clusters/${id}/r/core/v1/pods`);
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-state', /live|error|reconnecting/, { timeout: 30_000 }).catch(() => undefined);
  await page.screenshot(shot('pods-all-en'));

  await page.goto('/admin/providers');
  await page.getByRole('button', { name: 'Add provider' }).click();
  await page.getByRole('button', { name: 'Fill Active Directory sample' }).click();
  await page.screenshot(shot('idp-form-en'));
  await page.keyboard.press('Escape');

  // zh + dark
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'zh', url: E2E_BASE_URL }]);
  await switchLanguage(page, 'zh');
  await page.getByTestId('theme-toggle').click();
  await page.goto('/clusters');
  await expect(page.getByTestId('cluster-health').first()).toBeVisible();
  await page.screenshot(shot('clusters-zh-dark'));
  await page.getByRole('button', { name: '添加集群' }).click();
  const drawer = page.getByRole('dialog', { name: '添加集群' });
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
  await page.getByRole('row').filter({ hasText: 'worker-0' }).click();
  await expect(page.getByTestId('object-yaml')).toBeVisible();
  await page.screenshot(shot('yaml-zh-dark'));
  await page.goto('/workloads');
  await expect(page.getByRole('link', { name: /Deployment/ })).toBeVisible();
  await page.screenshot(shot('workloads-zh-dark'));
  await page.goto('/admin/providers');
  await page.getByRole('button', { name: '添加身份提供方' }).click();
  await page.screenshot(shot('idp-form-zh-dark'));

  await page.context().clearCookies();
  await page.goto('/login?error=IDP_UNAVAILABLE');
  await page.screenshot(shot('login-zh'));
  await switchLanguage(page, 'en');
  await page.screenshot(shot('login-en'));
});
