import { stringify } from 'yaml';
import { E2E_BASE_URL, HOME_URL } from './constants';
import { createNamespace, post, registerCluster } from './console-api';
import { ADMIN, expect, login, switchLanguage, test } from './fixtures';
import { pasteIntoEditor, uniq } from './helpers';



const deployment = (ns: string, name: string, tier: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns, labels: { app: name, tier } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        initContainers: [{ name: 'proxy', image: 'registry.local/proxy:1', restartPolicy: 'Always' }],
        containers: [{ name: 'main', image: 'registry.local/app:1', envFrom: [{ configMapRef: { name: `${name}-config` } }] }],
      },
    },
  },
});

test('the explorer: registry columns and status, URL state, column chooser, detail with related objects, zh', async ({ page }) => {
  test.setTimeout(180_000);
  const id = `ex-${uniq()}`;
  const ns = `exns-${uniq()}`;
  // Monaco's editor worker is a bundled chunk on our origin; if it failed to start, Monaco would quietly run its
  // worker code on the page.
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL); // signed in: the session cookie is set
  await registerCluster(page.request, id);
  const base = `/api/clusters/${id}/resources`;
  await createNamespace(page.request, id, ns);
  await post(page.request, `${base}/core/v1/configmaps?namespace=${ns}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: ns }, data: { A: '1' } });
  await post(page.request, `${base}/apps/v1/deployments?namespace=${ns}`, deployment(ns, 'web', 'front'));
  await post(page.request, `${base}/apps/v1/deployments?namespace=${ns}`, deployment(ns, 'api', 'back'));

  // The list from the registry: status tags, ready ratio; the filter lives in the URL and survives a reload.
  await page.goto(`/clusters/${id}/r/apps/v1/deployments?namespace=${ns}`);
  const table = page.getByTestId('resource-table');
  const web = table.getByRole('row').filter({ hasText: 'web' });
  await expect(web.getByTestId('status-tag')).toHaveText('Ready', { timeout: 60_000 });
  await expect(web).toContainText('2/2');
  await page.getByRole('searchbox', { name: 'Search name, label…' }).fill('web');
  await page.getByRole('searchbox', { name: 'Search name, label…' }).press('Enter');
  await expect(page).toHaveURL(/[?&]q=web/);
  await expect(table.getByRole('row').filter({ hasText: 'api' })).toHaveCount(0);
  await page.reload();
  await expect(table.getByRole('row').filter({ hasText: 'web' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'api' })).toHaveCount(0);

  // An optional column, picked once, stays picked for the kind.
  await expect(table.getByRole('columnheader', { name: 'Images' })).toHaveCount(0);
  await page.getByTestId('column-chooser').click();
  await page.getByRole('checkbox', { name: 'Images' }).check();
  await expect(table.getByRole('columnheader', { name: 'Images' })).toBeVisible();
  await expect(web).toContainText('registry.local/app:1');

  // A broken label selector says what is wrong with it, in words.
  await page.getByRole('searchbox', { name: 'Label selector, e.g. app=web' }).fill('app=(web');
  await page.getByRole('searchbox', { name: 'Label selector, e.g. app=web' }).press('Enter');
  await expect(page.getByText('That label selector is not valid.', { exact: false })).toBeVisible();
  await page.goto(`/clusters/${id}/r/apps/v1/deployments?namespace=${ns}`);

  // Detail page: summary, containers with the native sidecar, related objects, YAML.
  await page.getByTestId('resource-table').getByRole('link', { name: 'web', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${id}/r/apps/v1/deployments/${ns}/web$`));
  const detail = page.getByTestId('object-detail');
  await expect(detail.getByTestId('section-title')).toHaveText('web');
  await expect(detail.getByTestId('object-labels')).toContainText('tier=front');
  const containers = detail.getByTestId('object-containers');
  await expect(containers.getByRole('row').filter({ hasText: 'proxy' })).toContainText('Sidecar');
  await expect(containers.getByRole('row').filter({ hasText: 'main' })).toContainText('Main');
  await detail.getByRole('tab', { name: 'Related' }).click();
  const related = detail.getByTestId('object-related');
  await expect(related).toContainText('Owns');
  await expect(related.getByRole('link', { name: new RegExp(`^${ns}/web-`) }).first()).toBeVisible();
  await expect(related).toContainText('Uses');
  await related.getByRole('link', { name: `${ns}/web-config` }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${id}/r/core/v1/configmaps/${ns}/web-config$`));
  await page.getByRole('tab', { name: 'Related' }).click();
  await expect(page.getByTestId('object-related')).toContainText('Used by');
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByTestId('object-yaml')).toContainText('web-config');

  // Edit the YAML → a server-side dry run shown as a diff → apply; the page follows the change live.
  const current = (await (await page.request.get(`${base}/core/v1/configmaps/web-config?namespace=${ns}`)).json()) as { data: Record<string, string> };
  await page.getByRole('button', { name: 'Edit YAML' }).click();
  await pasteIntoEditor(page, page.getByTestId('yaml-edit'), stringify({ ...current, data: { A: '2', B: 'new' } }));
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.getByTestId('yaml-review')).toContainText('This is what the cluster would store');
  await expect(page.getByTestId('yaml-diff')).toContainText('new');
  // A bundled worker chunk (.js), not the worker's source copied as an asset (.ts), which never starts.
  expect(workers.filter((url) => url.startsWith(`${E2E_BASE_URL}/_next/static/chunks/`) && /\.js(#|$)/.test(url)).length, workers.join(' ')).toBeGreaterThan(0);
  // Nothing is written by the review.
  expect(((await (await page.request.get(`${base}/core/v1/configmaps/web-config?namespace=${ns}`)).json()) as { data: Record<string, string> }).data).toEqual({ A: '1' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('object-yaml')).toContainText('B: new');
  expect(((await (await page.request.get(`${base}/core/v1/configmaps/web-config?namespace=${ns}`)).json()) as { data: Record<string, string> }).data).toEqual({ A: '2', B: 'new' });

  // Ctrl-K: a kind by its short name, an object by its name.
  await page.keyboard.press('Control+K');
  const palette = page.getByTestId('search-palette');
  await palette.getByRole('textbox').fill('deploy');
  await expect(palette.getByTestId('search-result').first()).toContainText('Deployment');
  await palette.getByRole('textbox').fill('web-con');
  // Every cluster of this run is the same apiserver: each lists web-config; the current cluster's group comes first.
  const here = palette.getByRole('group', { name: id, exact: true });
  await expect(here.getByTestId('search-result').filter({ hasText: 'web-config' })).toHaveAttribute('aria-selected', 'true');
  await palette.getByRole('textbox').press('Enter');
  await expect(page).toHaveURL(new RegExp(`/clusters/${id}/r/core/v1/configmaps/${ns}/web-config$`));

  // Bulk delete: one confirmation naming the objects, then the rows leave the live list.
  await page.goto(`/clusters/${id}/r/apps/v1/deployments?namespace=${ns}`);
  const rows = page.getByTestId('resource-table');
  await rows.getByRole('row').filter({ hasText: 'api' }).getByRole('checkbox').check();
  await page.getByTestId('bulk-delete').click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Delete 1 Deployment?' });
  await expect(confirm).toContainText(`${ns}/api`);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(rows.getByRole('row').filter({ hasText: 'api' })).toHaveCount(0);
  await expect(rows.getByRole('row').filter({ hasText: 'web' })).toBeVisible();

  // zh: the console's own status words are translated, the cluster's are not.
  await page.goto(`/clusters/${id}/r/apps/v1/deployments?namespace=${ns}`);
  await switchLanguage(page, 'zh');
  await expect(page.getByTestId('resource-table').getByRole('row').filter({ hasText: 'web' }).getByTestId('status-tag')).toHaveText('就绪');
  await page.goto(`/clusters/${id}/r/core/v1/pods?namespace=${ns}`);
  await expect(page.getByTestId('resource-table').getByTestId('status-tag').first()).toHaveText('Running', { timeout: 60_000 });
  await switchLanguage(page, 'en');
});
