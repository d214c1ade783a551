import { z } from 'zod';
import { withMeta } from './form-meta.js';
import { msg } from './messages.js';

/** Kubernetes' own string rules (k8s.io/apimachinery/pkg/util/validation and api/resource), as plain checks. */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
// Quantity grammar: signed number, then a binary-SI, decimal-SI (n u m k M G T P E) or exponent suffix. Our
// quantities (requests, limits, sizes) are never negative, so no minus sign.
const QUANTITY = /^\+?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export const isDns1123Label = (s: string) => s.length <= 63 && DNS_LABEL.test(s);

export const isDns1123Subdomain = (s: string) => s.length <= 253 && s.split('.').every((part) => DNS_LABEL.test(part));

/** A label or annotation key: `[prefix/]name`, prefix a DNS subdomain, name at most 63 characters. */
export function isQualifiedName(s: string): boolean {
  const parts = s.split('/');
  if (parts.length > 2) return false;
  const name = parts.pop() ?? '';
  const prefix = parts[0];
  if (prefix !== undefined && !isDns1123Subdomain(prefix)) return false;
  return name.length <= 63 && QUALIFIED_NAME.test(name);
}

export const isLabelValue = (s: string) => s === '' || (s.length <= 63 && QUALIFIED_NAME.test(s));

export const isQuantity = (s: string) => QUANTITY.test(s);

/** IANA service name, as containerPort.name and named probe ports need. */
export const isPortName = (s: string) =>
  s.length <= 15 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s) && /[a-z]/.test(s) && !s.includes('--');

// Since Kubernetes 1.30 (RelaxedEnvironmentVariableValidation) a name is any printable ASCII but "="; an
// older apiserver is stricter and says so at dry run.
const isEnvName = (s: string) => /^[\x20-\x3c\x3e-\x7e]+$/.test(s);

/** Relative, no `..` element: the rule for subPath and item paths. */
const isLocalPath = (s: string) => !s.startsWith('/') && !s.split('/').includes('..');

export const Dns1123LabelSchema = z.string().refine(isDns1123Label, msg('workload.dns1123Label'));
export const Dns1123SubdomainSchema = z.string().refine(isDns1123Subdomain, msg('workload.dns1123Subdomain'));
export const LabelKeySchema = z.string().refine(isQualifiedName, msg('workload.labelKey'));
export const LabelValueSchema = z.string().refine(isLabelValue, msg('workload.labelValue'));
export const AnnotationKeySchema = z.string().refine(isQualifiedName, msg('workload.annotationKey'));
export const QuantitySchema = withMeta(z.string().refine(isQuantity, msg('workload.quantity')), {
  numberAsString: true,
});
export const PortNumberSchema = z
  .number(msg('workload.port'))
  .int(msg('workload.port'))
  .min(1, msg('workload.port'))
  .max(65535, msg('workload.port'));
export const PortNameSchema = z.string().refine(isPortName, msg('workload.portName'));
export const PortOrNameSchema = z.union([PortNumberSchema, PortNameSchema], { error: msg('workload.portOrName') });
export const EnvNameSchema = z.string().refine(isEnvName, msg('workload.envName'));
export const ConfigKeySchema = z
  .string()
  .max(253, msg('workload.configKey'))
  .regex(CONFIG_KEY, msg('workload.configKey'));
export const ImageSchema = z.string().regex(/^\S+$/, msg('workload.image'));
export const SubPathSchema = z.string().refine(isLocalPath, msg('workload.subPath'));
export const RequiredStringSchema = z.string().min(1, msg('workload.required'));

export const NonNegativeIntSchema = z.number().int(msg('workload.integer')).min(0, msg('workload.nonNegative'));
export const PositiveIntSchema = z.number().int(msg('workload.integer')).min(1, msg('workload.positive'));
export const IntOrPercentSchema = z.union(
  [NonNegativeIntSchema, z.string().regex(/^\d+%$/, msg('workload.intOrPercent'))],
  {
    error: msg('workload.intOrPercent'),
  },
);
export const WeightSchema = z
  .number()
  .int(msg('workload.weight'))
  .min(1, msg('workload.weight'))
  .max(100, msg('workload.weight'));

/** z.enum with our key for a value outside the list. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: msg('workload.choice') });

export const LabelMapSchema = z.record(LabelKeySchema, LabelValueSchema);
