import { stringify } from 'yaml';
import { HOME_URL } from './constants';
import { createNamespace, kubectl, registerCluster } from './console-api';
import { ADMIN, expect, login, test } from './fixtures';
import { pasteIntoEditor, uniq } from './helpers';

type ConfigMap = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; managedFields?: unknown }; data: Record<string, unknown> };

test('YAML on server-side apply: schema markers, managedFields, a kubectl-owned field forced, a removal replaced', async ({ page }) => {
  test.setTimeout(180_000);
  const id = `ya-${uniq()}`;
  const ns = `yans-${uniq()}`;
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  await registerCluster(page.request, id);
  await createNamespace(page.request, id, ns);
  // Made and labelled by a colleague's kubectl: its fields belong to the managers kubectl-create and kubectl-label.
  kubectl(['-n', ns, 'create', 'configmap', 'shared', '--from-literal=A=1', '--from-literal=B=2']);
  kubectl(['-n', ns, 'label', 'configmap', 'shared', 'team=payments']);
  const url = `/api/clusters/${id}/resources/core/v1/configmaps/shared?namespace=${ns}`;
  const read = async () => (await (await page.request.get(url)).json()) as ConfigMap;

  await page.goto(`/clusters/${id}/r/core/v1/configmaps/${ns}/shared`);
  await page.getByRole('tab', { name: 'YAML' }).click();
  const yaml = page.getByTestId('object-yaml');
  await expect(yaml).toContainText('team: payments');
  // managedFields are noise until asked for.
  await expect(yaml).not.toContainText('managedFields');
  await page.getByTestId('yaml-managed-fields').click();
  await expect(page.getByTestId('object-yaml')).toContainText('kubectl-create');
  await page.getByTestId('yaml-managed-fields').click();
  await expect(page.getByTestId('object-yaml')).not.toContainText('managedFields');

  // The editor checks the text against the cluster's schema for ConfigMap while typing: a number where a string
  // belongs is an error, a field ConfigMap does not have is a warning.
  const live = await read();
  delete live.metadata.managedFields;
  await page.getByRole('button', { name: 'Edit YAML' }).click();
  const edit = page.getByTestId('yaml-edit');
  await expect(edit.locator('.monaco-editor')).toBeVisible();
  await expect(edit.locator('.squiggly-error, .squiggly-warning')).toHaveCount(0);
  await pasteIntoEditor(page, edit, stringify({ ...live, data: { A: 1, B: '2' }, spec: { x: 1 } }));
  await expect(edit.locator('.squiggly-error')).toHaveCount(1);
  await expect(edit.locator('.squiggly-warning')).toHaveCount(1);

  // A value kubectl-create set, changed here: apply stops at the conflict and names the field and its manager.
  await pasteIntoEditor(page, edit, stringify({ ...live, data: { A: '9', B: '2' } }));
  await expect(edit.locator('.squiggly-error, .squiggly-warning')).toHaveCount(0);
  await page.getByRole('button', { name: 'Review changes' }).click();
  const conflicts = page.getByTestId('yaml-conflicts');
  await expect(conflicts).toContainText('.data.A');
  await expect(conflicts).toContainText('owned by kubectl-create');
  await conflicts.getByRole('button', { name: 'Force: take these fields over' }).click();
  await expect(page.getByTestId('yaml-forcing')).toBeVisible();
  await expect(page.getByTestId('yaml-diff')).toContainText('9');
  expect((await read()).data).toEqual({ A: '1', B: '2' }); // the dry runs wrote nothing
  await expect(page.getByTestId('yaml-commit')).toHaveText('Force apply');
  await page.getByTestId('yaml-commit').click();
  await expect(page.getByTestId('object-yaml')).toContainText('A: "9"');
  expect((await read()).data).toEqual({ A: '9', B: '2' });

  // Removing kubectl-label's label: apply would keep it (another manager owns it), so the review says so and
  // offers replace, which writes the object exactly as edited.
  const now = await read();
  delete now.metadata.managedFields;
  delete now.metadata.labels;
  await page.getByRole('button', { name: 'Edit YAML' }).click();
  await pasteIntoEditor(page, page.getByTestId('yaml-edit'), stringify(now));
  await page.getByRole('button', { name: 'Review changes' }).click();
  const unapplied = page.getByTestId('yaml-unapplied');
  await expect(unapplied).toContainText('metadata.labels');
  await unapplied.getByRole('button', { name: 'Replace the whole object' }).click();
  await expect(page.getByTestId('yaml-unapplied')).toHaveCount(0);
  await expect(page.getByTestId('yaml-commit')).toHaveText('Replace');
  await page.getByTestId('yaml-commit').click();
  await expect(page.getByTestId('object-yaml')).not.toContainText('team: payments');
  expect((await read()).metadata.labels).toBeUndefined();
});
