import type { APIRequestContext } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { E2E_BASE_URL, HOME_URL } from './constants';
import { ADMIN, expect, login, logout, test } from './fixtures';
import { createUser, firstLogin, uniq } from './helpers';
import { openDialog, openSection, submitDialog } from './overlays';

type ClusterInfo = { server: string; token: string; ca: string; kubeconfigYaml: string };
const info = (): ClusterInfo => JSON.parse(process.env.E2E_CLUSTER ?? '{}') as ClusterInfo;
const DEVELOPER_ROLE = '00000000-0000-4000-8000-000000000022';
// The API checks Origin on cookie-authenticated writes, as the browser sends it.
const headers = { origin: E2E_BASE_URL };

async function post(request: APIRequestContext, path: string, data: unknown): Promise<void> {
  const response = await request.post(path, { data, headers });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
}

const pod = (ns: string, name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels: { app: 'e2e' } },
  spec: { containers: [{ name: 'main', image: 'registry.local/app:1' }] },
});

test('an admin adds a cluster, watches pods live and a namespace-limited user sees only their namespace', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const id = `e2e-${uniq()}`;
  const [nsA, nsB] = [`e2e-a-${uniq()}`, `e2e-b-${uniq()}`];
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  await openSection(page, 'Clusters');

  // Add through the drawer with the token method; the health probe runs at registration.
  const drawer = await openDialog(page, page.getByRole('button', { name: 'Add cluster' }), 'Add a cluster');
  await drawer.getByLabel('Cluster ID').fill(id);
  await drawer.getByLabel('API server URL').fill(info().server);
  await drawer.getByLabel('CA certificate (PEM)').fill(info().ca);
  await drawer.getByLabel('Bearer token').fill(info().token);
  await submitDialog(drawer, 'Add cluster');
  const row = page.getByRole('row').filter({ hasText: id });
  await expect(row.getByTestId('cluster-health')).toHaveText('Healthy', { timeout: 30_000 });

  // Namespaces and a first pod through the API (the UI only reads in this release).
  const base = `/api/clusters/${id}/resources/core/v1`;
  for (const ns of [nsA, nsB]) {
    await post(page.request, `${base}/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  for (const ns of [nsA, nsB]) {
    await expect
      .poll(async () => (await page.request.get(`${base}/serviceaccounts/default?namespace=${ns}`)).status(), { timeout: 60_000 })
      .toBe(200);
  }
  await post(page.request, `${base}/pods?namespace=${nsA}`, pod(nsA, 'first'));
  await post(page.request, `${base}/pods?namespace=${nsB}`, pod(nsB, 'elsewhere'));

  await page.goto(`/clusters/${id}/r/core/v1/pods?namespace=${nsA}`);
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-state', 'live');
  const table = page.getByTestId('resource-table');
  await expect(table.getByRole('row').filter({ hasText: 'first' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'elsewhere' })).toHaveCount(0);

  // A pod created now shows up without a reload.
  await post(page.request, `${base}/pods?namespace=${nsA}`, pod(nsA, 'second'));
  await expect(table.getByRole('row').filter({ hasText: 'second' })).toBeVisible();

  await table.getByRole('row').filter({ hasText: 'first' }).click();
  const yaml = page.getByTestId('object-yaml');
  await expect(yaml).toContainText('name: first');
  await expect(yaml).toContainText('image: registry.local/app:1');
  await page.keyboard.press('Escape');

  // A developer in nsA only: the all-namespaces list is narrowed to nsA, never an error.
  const username = `dev-${uniq()}`;
  await createUser(page, username, 'Namespace dev', 'initial-passw0rd-1');
  const users = (await (await page.request.get('/api/users')).json()) as { items: { id: string; username: string }[] };
  const dev = users.items.find((u) => u.username === username);
  await post(page.request, '/api/rolebindings', {
    roleId: DEVELOPER_ROLE,
    subject: { kind: 'user', id: dev?.id },
    scope: { kind: 'namespace', cluster: id, namespace: nsA },
  });
  await logout(page);
  await firstLogin(page, username, 'initial-passw0rd-1', 'my-own-passw0rd-22');
  await page.goto(`/clusters/${id}/r/core/v1/pods`);
  const devTable = page.getByTestId('resource-table');
  await expect(devTable.getByRole('row').filter({ hasText: 'second' })).toBeVisible();
  await expect(devTable.getByRole('row').filter({ hasText: 'elsewhere' })).toHaveCount(0);
  await expect(page.getByText(`Showing only the namespaces you have access to: ${nsA}`)).toBeVisible();
});

test('the kubeconfig preview drops an exec plugin and blocks contexts that need it', async ({ page }) => {
  await login(page, ADMIN.username, ADMIN.password);
  await openSection(page, 'Clusters');
  const drawer = await openDialog(page, page.getByRole('button', { name: 'Add cluster' }), 'Add a cluster');
  await drawer.getByText('kubeconfig', { exact: true }).first().click();
  // The harness's kubeconfig plus a context whose user authenticates with an exec plugin.
  const config = parse(info().kubeconfigYaml) as {
    clusters: { name: string }[];
    users: unknown[];
    contexts: unknown[];
  };
  config.users.push({
    name: 'exec-user',
    user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: '/bin/touch', args: ['/tmp/pwned'] } },
  });
  config.contexts.push({ name: 'exec-ctx', context: { cluster: config.clusters[0]?.name, user: 'exec-user' } });
  const patched = stringify(config);
  await drawer.getByRole('textbox', { name: 'kubeconfig' }).fill(patched);
  await drawer.getByRole('button', { name: 'Preview contexts' }).click();
  const exec = drawer.getByTestId('context-exec-ctx');
  await expect(exec).toBeVisible();
  await expect(exec.getByText(/Cannot be imported/)).toBeVisible();
  await expect(exec.getByText(/Dropped/).first()).toBeVisible();
  await expect(drawer.getByRole('radio', { name: /exec-ctx/ })).toBeDisabled();
  await exec.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${process.env.E2E_SCREENS_DIR ?? 'test-results/screens'}/kubeconfig-preview.png` });
});
