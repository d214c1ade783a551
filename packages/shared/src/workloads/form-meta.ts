import { z } from 'zod';

/**
 * How the mapping (merge.ts) treats one node of a form schema, beyond what the zod type already says.
 *
 * The zod type decides the rest: `z.strictObject` = the form owns exactly these keys and every other key of the
 * live object stays; `z.looseObject` = the form carries the whole value (deep parts such as affinity); arrays are
 * lists matched by identity; records are maps merged key by key; primitives are leaves.
 */
export type FormMeta = {
  /** Keys naming a list item, best first (a port: containerPort+protocol, then name); default: its whole value. */
  identity?: (item: never) => readonly (string | undefined)[];
  /** An object whose presence means something (`emptyDir: {}`): kept when empty. */
  marker?: boolean;
  /**
   * Keys of which one is meant to be set (a volume's source), including ones the form does not model: when the
   * form sets one, the others go, so switching a volume from nfs to emptyDir does not leave both.
   */
  oneOf?: readonly string[];
  /** Deprecated twins (`serviceAccount` of `serviceAccountName`): dropped when the form changes the key. */
  aliases?: Readonly<Record<string, readonly string[]>>;
  /** Map keys the form neither shows nor writes: controller-owned labels and annotations. */
  hidden?: (key: string) => boolean;
  /** YAML often says `cpu: 1`; the form holds quantities as strings and reads a number as its string. */
  numberAsString?: boolean;
};

/** Not the global registry: these entries are mapping rules, not JSON Schema keywords. */
export const formMeta = z.registry<FormMeta>();

/** List items are matched to the live list by these keys (first that matches an unused live item wins). */
export function keyed<T extends z.ZodArray<z.ZodType>>(
  schema: T,
  identity: (item: z.output<T['element']>) => readonly (string | undefined)[],
): T {
  return withMeta(schema, { identity });
}

export function marker<T extends z.ZodType>(schema: T): T {
  return withMeta(schema, { marker: true });
}

export function withMeta<T extends z.ZodType>(schema: T, meta: FormMeta): T {
  formMeta.add(schema, meta);
  return schema;
}

/** How many of `keys` are set on `o`: the check beside a `oneOf`. */
export const countSet = (o: Record<string, unknown>, keys: readonly string[]) =>
  keys.filter((k) => o[k] !== undefined).length;

/**
 * Lets an interface name an inferred schema type (`interface XSchemaType extends Named<typeof x> {}`), so the
 * emitted declarations refer to it by name instead of spelling the whole pod template out in every kind.
 */
export type Named<T> = T;
