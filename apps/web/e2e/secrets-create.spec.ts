import { HOME_URL } from './constants';
import { post, registerCluster } from './console-api';
import { ADMIN, expect, login, test } from './fixtures';
import { pasteIntoEditor, uniq } from './helpers';




test('create two objects from one multi-document YAML, then reveal the Secret it made', async ({ page }) => {
  test.setTimeout(180_000);
  const id = `sc-${uniq()}`;
  const ns = `scns-${uniq()}`;
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  await registerCluster(page.request, id);
  await post(page.request, `/api/clusters/${id}/resources/core/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });

  // The list page's header opens the modal with a template of its kind, in the namespace in view.
  await page.goto(`/clusters/${id}/r/core/v1/configmaps?namespace=${ns}`);
  await page.getByTestId('create-yaml-open').click();
  const modal = page.getByTestId('create-yaml');
  await expect(modal.getByTestId('create-yaml-editor')).toContainText('kind: ConfigMap');
  const manifest = [
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  mode: fast`,
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secret\n  namespace: ${ns}\nstringData:\n  password: hunter2-${id}`,
  ].join('\n---\n');
  await pasteIntoEditor(page, modal, manifest);

  // A dry run: one result per document, nothing created.
  await page.getByRole('button', { name: 'Dry run' }).click();
  const results = modal.getByTestId('create-yaml-results');
  await expect(results).toContainText('Dry run results (nothing was created)');
  await expect(results.getByText('Would be created')).toHaveCount(2);
  expect((await page.request.get(`/api/clusters/${id}/resources/core/v1/configmaps/app-config?namespace=${ns}`)).status()).toBe(404);

  // The footer's Create (its accessible name includes the icon's label); the header's "Create from YAML" is outside the dialog.
  await page.getByRole('dialog').getByRole('button', { name: /Create$/ }).click();
  await expect(results.getByText('Created', { exact: true })).toHaveCount(2);
  await expect(modal.getByTestId('create-yaml-result-0')).toContainText(`Document 1: ConfigMap ${ns}/app-config`);
  await expect(modal.getByTestId('create-yaml-result-1')).toContainText(`Document 2: Secret ${ns}/app-secret`);

  // Open the Secret from its result: its values are masked until revealed.
  await modal.getByRole('link', { name: `Secret ${ns}/app-secret` }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${id}/r/core/v1/secrets/${ns}/app-secret$`));
  const data = page.getByTestId('secret-data');
  await expect(data).toContainText('password');
  await expect(data).toContainText('••••••••');
  await expect(page.getByText(`hunter2-${id}`)).toHaveCount(0);
  await data.getByRole('button', { name: 'Reveal' }).click();
  await expect(data.getByTestId('secret-value')).toHaveText(`hunter2-${id}`);
  await data.getByRole('button', { name: 'Hide' }).click();
  await expect(data.getByTestId('secret-value')).toHaveCount(0);
  await expect(data).toContainText('••••••••');

  // The YAML tab shows the masked object too.
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByTestId('object-yaml')).toContainText('<masked>');
  await expect(page.getByTestId('object-yaml')).not.toContainText(`hunter2-${id}`);
});
