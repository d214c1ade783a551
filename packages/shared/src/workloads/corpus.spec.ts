import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromManifest, toManifest } from './manifest.mapper.js';
import { podTemplateOf, WORKLOAD_FORM_KINDS, WorkloadFormSchema, type WorkloadForm } from './workload.schema.js';

// Parsed YAML and deliberately broken forms, read and written by path: typing each step would hide the point.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const DIR = new URL('./corpus/', import.meta.url);
const CORPUS = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, manifest: parse(readFileSync(new URL(file, DIR), 'utf8')) as Obj }));

/** What a round trip must give back: the object less what never travels. */
function withoutServerFields(m: Obj): Obj {
  const copy = structuredClone(m);
  delete copy.status;
  delete copy.metadata?.managedFields;
  return copy;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Dotted paths where `a` and `b` differ, as deep as they go. */
function changedPaths(a: unknown, b: unknown, path = ''): string[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) =>
      changedPaths(a[i], b[i], `${path}.${i}`),
    ).flat();
  }
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => changedPaths(a[k], b[k], `${path}.${k}`));
  }
  return Object.is(a, b) ? [] : [path.slice(1)];
}

/** Every leaf of `clean` is in `live` at the same place (a quantity may be a YAML number there). */
function containedIn(clean: unknown, live: unknown, path = ''): string[] {
  if (Array.isArray(clean)) {
    if (!Array.isArray(live)) return [path];
    return clean.flatMap((x, i) => containedIn(x, live[i], `${path}.${i}`));
  }
  if (isObj(clean)) {
    if (!isObj(live)) return [path];
    return Object.entries(clean).flatMap(([k, x]) => containedIn(x, live[k], `${path}.${k}`));
  }
  return clean === live || (typeof live === 'number' && clean === String(live)) ? [] : [path];
}

// Presence is the meaning of these when empty (a volume's or a probe's type); list items are kept as entities.
const EMPTY_ALLOWED = new Set(['emptyDir', 'configMap', 'secret', 'projected', 'exec']);

function emptiesAndNulls(v: unknown, path = '', inList = false): string[] {
  const key = path.split('.').pop() ?? '';
  if (v === null) return [path];
  if (Array.isArray(v)) {
    if (v.length === 0) return [path];
    return v.flatMap((x, i) => emptiesAndNulls(x, `${path}.${i}`, true));
  }
  if (isObj(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0 && !EMPTY_ALLOWED.has(key) && !inList) return [path];
    return keys.flatMap((k) => emptiesAndNulls(v[k], `${path}.${k}`));
  }
  return [];
}

const TEMPLATE_PATH = (form: WorkloadForm) => WORKLOAD_FORM_KINDS[form.kind].template.join('.');

/** One kind setting per kind, changed: the path it must show up at. */
function editKindSetting(form: WorkloadForm): string {
  switch (form.kind) {
    case 'Deployment':
    case 'StatefulSet':
      form.spec.replicas = (form.spec.replicas ?? 1) + 1;
      return 'spec.replicas';
    case 'DaemonSet':
      form.spec.minReadySeconds = (form.spec.minReadySeconds ?? 0) + 7;
      return 'spec.minReadySeconds';
    case 'Job':
      form.spec.parallelism = (form.spec.parallelism ?? 1) + 1;
      return 'spec.parallelism';
    case 'CronJob':
      form.spec.successfulJobsHistoryLimit = (form.spec.successfulJobsHistoryLimit ?? 3) + 2;
      return 'spec.successfulJobsHistoryLimit';
  }
}

describe('workload corpus', () => {
  it('holds at least 40 real-world manifests, at least 6 of each kind', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    for (const kind of Object.keys(WORKLOAD_FORM_KINDS)) {
      expect(CORPUS.filter((c) => c.manifest.kind === kind).length, kind).toBeGreaterThanOrEqual(6);
    }
  });

  it.each(CORPUS)(
    '$file: form → manifest over the live object gives it back, less status and managedFields',
    ({ manifest }) => {
      const before = structuredClone(manifest);
      expect(toManifest(fromManifest(manifest), manifest)).toStrictEqual(withoutServerFields(manifest));
      expect(manifest, 'inputs are not modified').toStrictEqual(before);
    },
  );

  it.each(CORPUS)('$file: its form passes the schema', ({ manifest }) => {
    const result = WorkloadFormSchema.safeParse(fromManifest(manifest));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(CORPUS)('$file: without a base, a clean manifest inside the live one with the same form', ({ manifest }) => {
    const form = fromManifest(manifest);
    const clean = toManifest(form);
    expect(fromManifest(clean)).toStrictEqual(form);
    expect(emptiesAndNulls(clean)).toEqual([]);
    expect(containedIn(clean, manifest)).toEqual([]);
    expect(clean).not.toHaveProperty('status');
    expect(clean).not.toHaveProperty('metadata.managedFields');
  });

  it.each(CORPUS)('$file: editing a kind setting and adding an env var changes only those', ({ manifest }) => {
    const form = fromManifest(manifest);
    const setting = editKindSetting(form);
    const container = podTemplateOf(form).spec.containers[0]!;
    container.env = [...(container.env ?? []), { name: 'WHEELHOUSE_EDIT', value: 'yes' }];
    const live = withoutServerFields(manifest);
    const envPath = `${TEMPLATE_PATH(form)}.spec.containers.0.env`;
    const liveEnv: unknown = envPath.split('.').reduce<Obj | undefined>((o, k) => o?.[k] as Obj | undefined, live);
    const added = Array.isArray(liveEnv) ? `${envPath}.${liveEnv.length}` : envPath;
    expect(changedPaths(live, toManifest(form, manifest)).sort()).toEqual([added, setting].sort());
  });

  const withLiteralEnv = CORPUS.filter(({ manifest }) =>
    podTemplateOf(fromManifest(manifest)).spec.containers.some((c) => c.env?.some((e) => e.value !== undefined)),
  );
  it.each(withLiteralEnv)('$file: changing one literal env var changes only its value', ({ manifest }) => {
    const form = fromManifest(manifest);
    const containers = podTemplateOf(form).spec.containers;
    const i = containers.findIndex((c) => c.env?.some((e) => e.value !== undefined));
    const env = containers[i]!.env!;
    const j = env.findIndex((e) => e.value !== undefined);
    env[j]!.value = 'changed-by-form';
    const expected = `${TEMPLATE_PATH(form)}.spec.containers.${i}.env.${j}.value`;
    expect(changedPaths(withoutServerFields(manifest), toManifest(form, manifest))).toEqual([expected]);
  });

  const withNamedPort = CORPUS.filter(({ manifest }) =>
    podTemplateOf(fromManifest(manifest)).spec.containers.some((c) => c.ports?.some((p) => p.name)),
  );
  it.each(withNamedPort)('$file: renumbering a named port keeps the port (matched by name)', ({ manifest }) => {
    const form = fromManifest(manifest);
    const containers = podTemplateOf(form).spec.containers;
    const i = containers.findIndex((c) => c.ports?.some((p) => p.name));
    const ports = containers[i]!.ports!;
    const j = ports.findIndex((p) => p.name);
    ports[j]!.containerPort = 65000;
    const expected = `${TEMPLATE_PATH(form)}.spec.containers.${i}.ports.${j}.containerPort`;
    expect(changedPaths(withoutServerFields(manifest), toManifest(form, manifest))).toEqual([expected]);
  });

  it('has enough manifests for the edit cases to mean something', () => {
    expect(withLiteralEnv.length).toBeGreaterThanOrEqual(15);
    expect(withNamedPort.length).toBeGreaterThanOrEqual(15);
  });
});
