export * from './workload.schema.js';
export * from './container.schema.js';
export * from './metadata.schema.js';
export * from './pod.schema.js';
export * from './volume.schema.js';
export {
  AnnotationKeySchema,
  ConfigKeySchema,
  Dns1123LabelSchema,
  Dns1123SubdomainSchema,
  EnvNameSchema,
  ImageSchema,
  IntOrPercentSchema,
  LabelKeySchema,
  LabelMapSchema,
  LabelValueSchema,
  NonNegativeIntSchema,
  PortNameSchema,
  PortNumberSchema,
  PortOrNameSchema,
  PositiveIntSchema,
  QuantitySchema,
  isDns1123Label,
  isDns1123Subdomain,
  isLabelValue,
  isPortName,
  isQualifiedName,
  isQuantity,
} from './rules.js';
export { CronScheduleSchema, TimeZoneSchema, isCronSchedule, isTimeZone } from './cron.js';
export { WORKLOAD_MESSAGES, isWorkloadMessageKey, workloadMessage, workloadIssueKey } from './messages.js';
export type { WorkloadLocale, WorkloadMessageKey } from './messages.js';
export { fromManifest, toManifest, containerGroups } from './manifest.mapper.js';
export type { ContainerEntry, ContainerRole } from './manifest.mapper.js';
export { applyRestricted, restrictedSecurityContext } from './restricted.js';
