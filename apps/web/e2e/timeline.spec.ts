import { stringify } from 'yaml';
import { HOME_URL } from './constants';
import { post, registerCluster } from './console-api';
import { ADMIN, expect, login, test } from './fixtures';
import { pasteIntoEditor, uniq } from './helpers';



test('the object timeline: a YAML edit shows as a new current revision and as "admin edited it"', async ({ page }) => {
  test.setTimeout(150_000);
  const id = `tl-${uniq()}`;
  const ns = `tlns-${uniq()}`;
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  await registerCluster(page.request, id);
  const base = `/api/clusters/${id}/resources`;
  await post(page.request, `${base}/core/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: ns },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'main', image: 'registry.local/web:1' }] } },
    },
  };
  await post(page.request, `${base}/apps/v1/deployments?namespace=${ns}`, deployment);

  await page.goto(`/clusters/${id}/r/apps/v1/deployments/${ns}/web`);
  const detail = page.getByTestId('object-detail');
  await expect(detail.getByTestId('status-tag').first()).toHaveText('Ready', { timeout: 60_000 });
  await detail.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByTestId('object-timeline');
  await expect(timeline.getByTestId('timeline-item').filter({ hasText: 'Revision 1' })).toContainText('registry.local/web:1');

  // Change the image in the YAML tab (a server-side apply through the console), then back to the timeline.
  await detail.getByRole('tab', { name: 'YAML' }).click();
  const live = (await (await page.request.get(`${base}/apps/v1/deployments/web?namespace=${ns}`)).json()) as typeof deployment & { metadata: { managedFields?: unknown } };
  delete live.metadata.managedFields;
  live.spec.template.spec.containers[0]!.image = 'registry.local/web:2';
  await page.getByRole('button', { name: 'Edit YAML' }).click();
  await pasteIntoEditor(page, page.getByTestId('yaml-edit'), stringify(live));
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.getByTestId('yaml-diff')).toContainText('registry.local/web:2');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('object-yaml')).toContainText('registry.local/web:2');

  await detail.getByRole('tab', { name: 'Timeline' }).click();
  const second = timeline.getByTestId('timeline-item').filter({ hasText: 'Revision 2' });
  await expect(second).toContainText('registry.local/web:2', { timeout: 30_000 });
  await expect(second).toContainText('current');
  await expect(timeline.getByTestId('timeline-item').filter({ hasText: 'Revision 1' })).not.toContainText('current');
  const edit = timeline.locator('[data-kind="audit"]').filter({ hasText: 'changed it' });
  await expect(edit).toContainText('admin');
  await expect(timeline.locator('[data-kind="audit"]').filter({ hasText: 'created it' })).toContainText('admin');
  // The review's dry run changed nothing, so it is not on the timeline: one edit, one create.
  await expect(timeline.locator('[data-kind="audit"]')).toHaveCount(2);

  // Filter chips: the console's changes off, the revisions stay.
  await timeline.getByTestId('timeline-filter-audit').click();
  await expect(timeline.locator('[data-kind="audit"]')).toHaveCount(0);
  await expect(second).toBeVisible();
  await timeline.getByTestId('timeline-filter-audit').click();
  await expect(timeline.locator('[data-kind="audit"]')).toHaveCount(2);
});
