import { KINDS } from '@wheelhouse/shared';
import { readFileSync } from 'node:fs';
import { E2E_BASE_URL, HOME_URL } from './constants';
import { createNamespace, kubectl, post, registerCluster } from './console-api';
import { ADMIN, expect, login, logout, test } from './fixtures';
import { createUser, firstLogin, pickOption, uniq } from './helpers';

const columnTitles = (JSON.parse(readFileSync(new URL('../messages/en.json', import.meta.url), 'utf8')) as {
  resources: { columns: Record<string, string> };
}).resources.columns;



const widgetCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.e2e.wheelhouse.dev' },
  spec: {
    group: 'e2e.wheelhouse.dev',
    scope: 'Namespaced',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wdg'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: { spec: { type: 'object', properties: { size: { type: 'integer' }, colour: { type: 'string' } } } },
          },
        },
        additionalPrinterColumns: [
          { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
          { name: 'Colour', type: 'string', jsonPath: '.spec.colour' },
        ],
      },
    ],
  },
};

test('every built-in kind lists with its columns; a CRD instance, a pod from kubectl live, real usage figures', async ({ page }) => {
  test.setTimeout(300_000);
  const id = `kinds-${uniq()}`;
  const ns = `kns-${uniq()}`;
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  await registerCluster(page.request, id);
  await createNamespace(page.request, id, ns);

  // Every registry kind: its list opens, shows the registry's first column and no error.
  for (const kind of KINDS) {
    await page.goto(`/clusters/${id}/r/${kind.group || 'core'}/${kind.version}/${kind.resource}`);
    const table = page.getByTestId('resource-table');
    await expect(table, kind.resource).toBeVisible();
    const first = kind.columns.find((c) => !c.optional);
    if (first) await expect(table.getByRole('columnheader', { name: columnTitles[first.key], exact: true }), kind.resource).toBeVisible();
    await expect(page.locator('.ant-alert-error'), kind.resource).toHaveCount(0);
  }

  // A CRD with printer columns: the sidebar's Custom resources section offers its group, the generic list builds
  // its columns from the CRD, an instance opens on its own detail page.
  await post(page.request, `/api/clusters/${id}/resources/apiextensions.k8s.io/v1/customresourcedefinitions`, widgetCrd);
  const widgets = `/api/clusters/${id}/resources/e2e.wheelhouse.dev/v1/widgets`;
  await expect.poll(async () => (await page.request.get(widgets)).status(), { timeout: 60_000 }).toBe(200);
  await post(page.request, `${widgets}?namespace=${ns}`, {
    apiVersion: 'e2e.wheelhouse.dev/v1',
    kind: 'Widget',
    metadata: { name: 'blue-gear', namespace: ns },
    spec: { size: 3, colour: 'blue' },
  });
  await page.goto('/custom');
  await page.getByRole('combobox', { name: 'Cluster' }).click();
  await pickOption(page, id);
  await expect(page.getByText('e2e.wheelhouse.dev', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Widget', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${id}/r/e2e.wheelhouse.dev/v1/widgets`));
  const row = page.getByTestId('resource-table').getByRole('row').filter({ hasText: 'blue-gear' });
  await expect(page.getByTestId('resource-table').getByRole('columnheader', { name: 'Colour' })).toBeVisible();
  await expect(row).toContainText('blue');
  await expect(row).toContainText('3');
  await row.getByRole('link', { name: 'blue-gear', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${id}/r/e2e.wheelhouse.dev/v1/widgets/${ns}/blue-gear$`));
  await expect(page.getByTestId('object-detail').getByTestId('section-title')).toHaveText('blue-gear');

  // A pod made with kubectl shows up in the open list without a reload.
  await page.goto(`/clusters/${id}/r/core/v1/pods?namespace=${ns}`);
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-state', 'live');
  kubectl(['-n', ns, 'run', 'from-kubectl', '--image=registry.local/app:1', '--restart=Never']);
  await expect(page.getByTestId('resource-table').getByRole('row').filter({ hasText: 'from-kubectl' })).toBeVisible();

  // The e2e cluster runs metrics-server fed by kwok: the overview shows usage that came through metrics.k8s.io.
  await page.goto(`/clusters/${id}`);
  await expect(page.getByTestId('metrics-notice')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('figure-cpu-usage')).toContainText(/\d.* \/ \d.*%/);
  await expect(page.getByTestId('figure-memory-usage')).toContainText(/\d.*iB \/ \d.*iB/);
});

test('a namespace-limited user sees only their namespace, no Secret values and no cluster-wide kinds', async ({ page }) => {
  test.setTimeout(180_000);
  const id = `lim-${uniq()}`;
  const [mine, other] = [`mine-${uniq()}`, `other-${uniq()}`];
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  await registerCluster(page.request, id);
  await createNamespace(page.request, id, mine);
  await createNamespace(page.request, id, other);
  // Reads workloads and config, may list Secrets (names, keys) but not get one (their values).
  const role = (await post(page.request, '/api/roles', {
    name: `secret-lister-${uniq()}`,
    scope: 'namespace',
    rules: [
      { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'configmaps', 'events', 'persistentvolumeclaims'] },
      { verbs: ['get', 'list', 'watch'], apiGroups: ['apps'], resources: ['*'] },
      { verbs: ['list', 'watch'], apiGroups: [''], resources: ['secrets'] },
    ],
  })) as { id: string };
  const value = Buffer.from('hunter2-in-e2e').toString('base64');
  await post(page.request, `/api/clusters/${id}/resources/core/v1/secrets?namespace=${mine}`, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db-creds', namespace: mine },
    data: { password: value },
  });
  const username = `lim-${uniq()}`;
  await createUser(page, username, 'Limited user', 'initial-passw0rd-1');
  const users = (await (await page.request.get('/api/users')).json()) as { items: { id: string; username: string }[] };
  await post(page.request, '/api/rolebindings', {
    roleId: role.id,
    subject: { kind: 'user', id: users.items.find((u) => u.username === username)?.id },
    scope: { kind: 'namespace', cluster: id, namespace: mine },
  });
  await logout(page);
  await firstLogin(page, username, 'initial-passw0rd-1', 'my-own-passw0rd-22');

  // The namespace picker offers only their namespace.
  await page.goto(`/clusters/${id}/r/core/v1/pods`);
  await expect(page.getByText(`Showing only the namespaces you have access to: ${mine}`)).toBeVisible();
  await page.getByRole('combobox', { name: 'Namespace' }).click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.filter({ hasText: mine })).toHaveCount(1);
  await expect(options.filter({ hasText: other })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Secrets: listed with their keys, the values masked in what reaches the browser, and no reveal.
  await page.goto(`/clusters/${id}/r/core/v1/secrets?namespace=${mine}`);
  await expect(page.getByTestId('resource-table').getByRole('row').filter({ hasText: 'db-creds' })).toBeVisible();
  const listed = await (await page.request.get(`/api/clusters/${id}/resources/core/v1/secrets?namespace=${mine}`)).text();
  expect(listed).toContain('password');
  expect(listed).not.toContain(value);
  const reveal = await page.request.post(`/api/clusters/${id}/resources/core/v1/secrets/db-creds/reveal?namespace=${mine}`, { headers: { origin: E2E_BASE_URL } });
  expect(reveal.status()).toBe(403);

  // Cluster-wide kinds are not offered: the Cluster resources section has none of them, Storage only claims.
  await page.goto('/infra');
  await page.getByRole('combobox', { name: 'Cluster' }).click();
  await pickOption(page, id);
  await expect(page.getByRole('link', { name: 'Event', exact: true })).toBeVisible();
  for (const name of ['Node', 'Namespace', 'PriorityClass', 'CustomResourceDefinition']) {
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  }
  await page.goto('/storage');
  await expect(page.getByRole('link', { name: 'PersistentVolumeClaims', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'PersistentVolumes', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'StorageClasses', exact: true })).toHaveCount(0);
});
