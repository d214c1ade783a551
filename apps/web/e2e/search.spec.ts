import { HOME_URL } from './constants';
import { post, registerCluster } from './console-api';
import { ADMIN, expect, login, test } from './fixtures';
import { uniq } from './helpers';



test('Ctrl-K finds an object in every cluster, grouped by cluster, and opens it', async ({ page }) => {
  test.setTimeout(120_000);
  const u = uniq();
  const clusters = [
    { id: `sa-${u}`, displayName: `Search A ${u}` },
    { id: `sb-${u}`, displayName: `Search B ${u}` },
  ];
  const name = `findme-${u}`;
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(HOME_URL);
  // The same apiserver registered twice under two names: two console clusters, each with its own caches.
  for (const c of clusters) {
    await registerCluster(page.request, c.id, c.displayName);
  }
  await post(page.request, `/api/clusters/${clusters[0]!.id}/resources/core/v1/configmaps?namespace=default`, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'default', labels: { app: name } },
    data: { a: '1' },
  });
  // The caches follow the cluster by watch: wait until both registrations' caches hold the new object.
  await expect
    .poll(
      async () => {
        const body = (await (await page.request.get(`/api/search?q=${name}`)).json()) as { groups: { cluster: { id: string } }[] };
        const ids = new Set(clusters.map((c) => c.id));
        return [...new Set(body.groups.map((g) => g.cluster.id).filter((id) => ids.has(id)))].sort();
      },
      { timeout: 30_000 },
    )
    .toEqual(clusters.map((c) => c.id));

  // From the home page (no cluster selected): one box, both clusters.
  await page.keyboard.press('Control+K');
  const palette = page.getByTestId('search-palette');
  await palette.getByRole('textbox').fill(name);
  for (const c of clusters) {
    const group = palette.getByRole('group', { name: c.displayName, exact: true });
    await expect(group.getByTestId('search-group-title')).toHaveText(c.displayName);
    await expect(group.getByTestId('search-result').filter({ hasText: name })).toContainText('ConfigMap');
    await expect(group.getByTestId('search-result').filter({ hasText: name })).toContainText('default');
  }

  // A label term finds it too, with the label that matched shown.
  await palette.getByRole('textbox').fill(`app=${name}`);
  const second = palette.getByRole('group', { name: clusters[1]!.displayName, exact: true }).getByTestId('search-result').filter({ hasText: name });
  await expect(second).toContainText(`app=${name}`);

  // Keyboard: down to the second cluster's result (other specs' registrations of the same apiserver may come
  // first), Enter opens its detail page.
  const steps = await second.evaluate((el) => [...document.querySelectorAll('[data-testid="search-result"]')].indexOf(el));
  expect(steps).toBeGreaterThan(0);
  for (let i = 0; i < steps; i++) await palette.getByRole('textbox').press('ArrowDown');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await palette.getByRole('textbox').press('Enter');
  await expect(page).toHaveURL(new RegExp(`/clusters/${clusters[1]!.id}/r/core/v1/configmaps/default/${name}$`));
  await expect(page.getByTestId('object-detail').getByTestId('section-title')).toHaveText(name);

  // A text too short for a search says what to type.
  await page.keyboard.press('Control+K');
  await palette.getByRole('textbox').fill('f');
  await expect(palette).toContainText('Type at least 2 characters');
});
