import { cloneJson, isObj, merge, project } from './merge.js';
import type { ContainerForm, InitContainerForm } from './container.schema.js';
import type { PodSpecForm } from './pod.schema.js';
import { isWorkloadFormKind, WORKLOAD_FORM_SCHEMAS, type WorkloadForm } from './workload.schema.js';

/**
 * The form of a live (or any) workload object: every field the form models, as found there. Values are typed
 * but not validated — a live object may hold what the form schema refuses; validate with WorkloadFormSchema.
 *
 * Known limitations: throws for kinds other than the five workload kinds (check with isWorkloadFormKind).
 */
export function fromManifest(manifest: unknown): WorkloadForm {
  const kind = isObj(manifest) ? manifest.kind : undefined;
  if (!isWorkloadFormKind(kind)) throw new Error(`Not a workload kind: ${String(kind)}`);
  return project(WORKLOAD_FORM_SCHEMAS[kind], manifest) as WorkloadForm;
}

/**
 * The manifest of a form. With `base` (the live object), only what the form changed is written and every other
 * field stays, list items matched by identity; `status` and `metadata.managedFields` are dropped. Without it (or
 * with a base of another kind), a clean manifest: no empty objects, lists or nulls, no defaults.
 *
 * Known limitations: expects a form that passes WorkloadFormSchema (a value of the wrong type is written as
 * given or dropped); a renamed container, env var or volume is a new item, so its unmodelled live fields go.
 */
export function toManifest(form: WorkloadForm, base?: unknown): Record<string, unknown> {
  const live = isObj(base) && base.kind === form.kind ? withoutServerFields(base) : undefined;
  return merge(WORKLOAD_FORM_SCHEMAS[form.kind], live, cloneJson(form)) as Record<string, unknown>;
}

/** A deep copy without what never travels back to the apiserver from a form. */
function withoutServerFields(base: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, ...rest } = cloneJson(base);
  if (isObj(rest.metadata)) delete rest.metadata.managedFields;
  return rest;
}

export type ContainerRole = 'init' | 'sidecar' | 'main';

/** A container with its role and its place in the manifest's list (`index` in initContainers or containers). */
export type ContainerEntry =
  | { role: 'init' | 'sidecar'; index: number; container: InitContainerForm }
  | { role: 'main'; index: number; container: ContainerForm };

/**
 * The pod's containers in the wizard's three groups. Sidecars and plain init containers share one ordered list
 * (initContainers), so their relative order — which decides start-up order — is the list's and never changes here.
 */
export function containerGroups(spec: PodSpecForm): Record<ContainerRole, ContainerEntry[]> {
  const init = (spec.initContainers ?? []).map((container, index): ContainerEntry => ({
    role: container.restartPolicy === 'Always' ? 'sidecar' : 'init',
    index,
    container,
  }));
  return {
    init: init.filter((e) => e.role === 'init'),
    sidecar: init.filter((e) => e.role === 'sidecar'),
    main: spec.containers.map((container, index): ContainerEntry => ({ role: 'main', index, container })),
  };
}
