import { z } from 'zod';
import { withMeta } from './form-meta.js';
import { msg } from './messages.js';
import {
  AnnotationKeySchema,
  choice,
  Dns1123LabelSchema,
  Dns1123SubdomainSchema,
  LabelKeySchema,
  LabelMapSchema,
} from './rules.js';

/** Names, labels, annotations and label selectors of workloads and their templates. */

const strings = z.array(z.string());
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/** Set by controllers (the Job controller's pod labels): the form neither shows nor writes them; they stay. */
export const SYSTEM_LABEL_KEYS = [
  'controller-uid',
  'job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-name',
] as const;
/** kubectl's and the Deployment controller's bookkeeping: kept as they are, never in the form. */
export const SYSTEM_ANNOTATION_KEYS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'kubectl.kubernetes.io/restartedAt',
] as const;
const SYSTEM_LABELS = new Set<string>(SYSTEM_LABEL_KEYS);
const SYSTEM_ANNOTATIONS = new Set<string>(SYSTEM_ANNOTATION_KEYS);

const ANNOTATIONS_MAX_BYTES = 256 * 1024;
const utf8Bytes = (s: string) => {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
};
const annotationBytes = (a: Record<string, string>) =>
  Object.entries(a).reduce((n, [k, v]) => n + utf8Bytes(k) + utf8Bytes(v), 0);

export const LabelsSchema = withMeta(LabelMapSchema, { hidden: (k) => SYSTEM_LABELS.has(k) });
export const AnnotationsSchema = withMeta(
  z
    .record(AnnotationKeySchema, z.string())
    .refine((a) => annotationBytes(a) <= ANNOTATIONS_MAX_BYTES, msg('workload.annotationsTooLarge')),
  { hidden: (k) => SYSTEM_ANNOTATIONS.has(k) },
);

/** A workload's own metadata; uid, ownerReferences, finalizers and the rest stay as they are. */
export const ObjectMetaSchema = z.strictObject({
  name: Dns1123SubdomainSchema,
  namespace: Dns1123LabelSchema.optional(),
  labels: LabelsSchema.optional(),
  annotations: AnnotationsSchema.optional(),
});

export const TemplateMetaSchema = z.strictObject({
  labels: LabelsSchema.optional(),
  annotations: AnnotationsSchema.optional(),
});

const MatchExpressionSchema = z.strictObject({
  key: LabelKeySchema,
  operator: choice(SELECTOR_OPERATORS),
  values: strings.optional(),
});
export const SelectorSchema = z.strictObject({
  matchLabels: LabelMapSchema.optional(),
  matchExpressions: z.array(MatchExpressionSchema).optional(),
});

/** A selector inside a carried part (affinity terms, spread constraints, claims): the whole value travels. */
export const LooseSelectorSchema = z.looseObject({
  matchLabels: LabelMapSchema.optional(),
  matchExpressions: z
    .array(z.looseObject({ key: LabelKeySchema, operator: choice(SELECTOR_OPERATORS), values: strings.optional() }))
    .optional(),
});

export type ObjectMetaForm = z.infer<typeof ObjectMetaSchema>;
export type SelectorForm = z.infer<typeof SelectorSchema>;
