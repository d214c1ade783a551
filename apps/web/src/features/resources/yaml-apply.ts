import { isConsoleFieldManager } from '@wheelhouse/shared';
import { isApiError } from '@/lib/api-client';

type Cause = { field?: string; message?: string; reason?: string };
/** A field another manager owns, which server-side apply would only take over with `force`. */
export type FieldConflict = { field: string; manager: string };

/** The field-level causes the API passed on from the apiserver's Status (422 invalid, 409 apply conflicts). */
export function causesOf(error: unknown): Cause[] {
  if (!isApiError(error)) return [];
  const causes = (error.details as { causes?: unknown } | undefined)?.causes;
  return Array.isArray(causes) ? (causes as Cause[]) : [];
}

// The apiserver words each conflict as: conflict with "kubectl-create" [with subresource "scale"] using v1
const MANAGER = /conflict with "([^"]+)"/;

/** Server-side apply's field-manager conflicts in an error (empty for any other error, a stale version included). */
export function fieldConflicts(error: unknown): FieldConflict[] {
  return causesOf(error)
    .filter((c) => c.reason === 'FieldManagerConflict')
    .map((c) => ({ field: c.field ?? '', manager: MANAGER.exec(c.message ?? '')?.[1] ?? '' }));
}

/** Conflicts held only by the console's own managers: its earlier create/replace/scale, not another tool's fields. */
export const onlyConsoleConflicts = (conflicts: FieldConflict[]): boolean =>
  conflicts.length > 0 && conflicts.every((c) => isConsoleFieldManager(c.manager));

// What the server owns: never an edit the user made, whatever the diff says.
const SERVER_METADATA = new Set(['resourceVersion', 'generation', 'managedFields', 'uid', 'creationTimestamp', 'selfLink']);
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The user's changes that the apply result does not carry, as dotted paths. Server-side apply merges: removing a
 * field another manager still owns leaves it in place, and a list the user shortened keeps the other manager's
 * items. Maps are compared key by key, lists and scalars whole; `status` and server-owned metadata are ignored.
 */
export function unappliedChanges(base: unknown, edit: unknown, result: unknown): string[] {
  const out: string[] = [];
  const walk = (b: unknown, e: unknown, r: unknown, path: string[]) => {
    if (isMap(b) && isMap(e)) {
      const keys = new Set([...Object.keys(b), ...Object.keys(e)]);
      for (const k of keys) {
        if (path.length === 0 && k === 'status') continue;
        if (path.length === 1 && path[0] === 'metadata' && SERVER_METADATA.has(k)) continue;
        walk(b[k], e[k], isMap(r) ? r[k] : undefined, [...path, k]);
      }
      return;
    }
    if (same(b, e)) return;
    if (!same(e, r)) out.push(path.join('.'));
  };
  walk(base, edit, result, []);
  return out;
}
