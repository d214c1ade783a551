import { z } from 'zod';
import { countSet, keyed, marker, withMeta, type Named } from './form-meta.js';
import { msg } from './messages.js';
import {
  choice,
  ConfigKeySchema,
  Dns1123LabelSchema,
  Dns1123SubdomainSchema,
  EnvNameSchema,
  ImageSchema,
  NonNegativeIntSchema,
  PortNameSchema,
  PortNumberSchema,
  PortOrNameSchema,
  PositiveIntSchema,
  QuantitySchema,
  RequiredStringSchema,
  SubPathSchema,
} from './rules.js';

/** One container of a pod template, as the form edits it; fields not named here stay as they are live. */

const strings = z.array(z.string());

const KeyRefSchema = z.strictObject({
  name: Dns1123SubdomainSchema,
  key: ConfigKeySchema,
  optional: z.boolean().optional(),
});

const ENV_SOURCES = ['configMapKeyRef', 'secretKeyRef', 'fieldRef', 'resourceFieldRef', 'fileKeyRef'] as const;

export const EnvVarSourceSchema = withMeta(
  z
    .strictObject({
      configMapKeyRef: KeyRefSchema.optional(),
      secretKeyRef: KeyRefSchema.optional(),
      fieldRef: z.strictObject({ fieldPath: RequiredStringSchema, apiVersion: z.string().optional() }).optional(),
      resourceFieldRef: z
        .strictObject({
          resource: RequiredStringSchema,
          containerName: z.string().optional(),
          divisor: QuantitySchema.optional(),
        })
        .optional(),
    })
    .refine((s) => countSet(s, ENV_SOURCES) === 1, msg('workload.envSource')),
  { oneOf: ENV_SOURCES },
);

export const EnvVarSchema = z
  .strictObject({ name: EnvNameSchema, value: z.string().optional(), valueFrom: EnvVarSourceSchema.optional() })
  .refine((e) => e.value === undefined || e.valueFrom === undefined, {
    error: msg('workload.envSource'),
    path: ['value'],
  });

const NamedRefSchema = z.strictObject({ name: Dns1123SubdomainSchema, optional: z.boolean().optional() });
const ENV_FROM_SOURCES = ['configMapRef', 'secretRef'] as const;

export const EnvFromSourceSchema = withMeta(
  z
    .strictObject({
      prefix: z.string().optional(),
      configMapRef: NamedRefSchema.optional(),
      secretRef: NamedRefSchema.optional(),
    })
    .refine((s) => countSet(s, ENV_FROM_SOURCES) === 1, msg('workload.envFromSource')),
  { oneOf: ENV_FROM_SOURCES },
);

export const ContainerPortSchema = z.strictObject({
  name: PortNameSchema.optional(),
  containerPort: PortNumberSchema,
  protocol: choice(['TCP', 'UDP', 'SCTP']).optional(),
});

const ResourceListSchema = z.strictObject({
  cpu: QuantitySchema.optional(),
  memory: QuantitySchema.optional(),
  'ephemeral-storage': QuantitySchema.optional(),
});
export const ResourcesSchema = z.strictObject({
  requests: ResourceListSchema.optional(),
  limits: ResourceListSchema.optional(),
});

const HttpGetSchema = z.strictObject({
  path: z.string().optional(),
  port: PortOrNameSchema,
  host: z.string().optional(),
  scheme: choice(['HTTP', 'HTTPS']).optional(),
  httpHeaders: z.array(z.strictObject({ name: RequiredStringSchema, value: z.string() })).optional(),
});
const TcpSocketSchema = z.strictObject({ port: PortOrNameSchema, host: z.string().optional() });
const ExecSchema = marker(z.strictObject({ command: strings.optional() }));

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

export const ProbeSchema = withMeta(
  z
    .strictObject({
      exec: ExecSchema.optional(),
      httpGet: HttpGetSchema.optional(),
      tcpSocket: TcpSocketSchema.optional(),
      grpc: z.strictObject({ port: PortNumberSchema, service: z.string().optional() }).optional(),
      initialDelaySeconds: NonNegativeIntSchema.optional(),
      periodSeconds: PositiveIntSchema.optional(),
      timeoutSeconds: PositiveIntSchema.optional(),
      successThreshold: PositiveIntSchema.optional(),
      failureThreshold: PositiveIntSchema.optional(),
      terminationGracePeriodSeconds: PositiveIntSchema.optional(),
    })
    .refine((p) => countSet(p, PROBE_HANDLERS) === 1, msg('workload.probeHandler')),
  { oneOf: PROBE_HANDLERS },
);

const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

export const LifecycleHandlerSchema = withMeta(
  z
    .strictObject({
      exec: ExecSchema.optional(),
      httpGet: HttpGetSchema.optional(),
      tcpSocket: TcpSocketSchema.optional(),
      sleep: z.strictObject({ seconds: NonNegativeIntSchema }).optional(),
    })
    .refine((h) => countSet(h, LIFECYCLE_HANDLERS) === 1, msg('workload.lifecycleHandler')),
  { oneOf: LIFECYCLE_HANDLERS },
);

export const SeccompProfileSchema = z
  .strictObject({
    type: choice(['RuntimeDefault', 'Localhost', 'Unconfined']),
    localhostProfile: z.string().optional(),
  })
  .refine((p) => (p.type === 'Localhost') === (p.localhostProfile !== undefined), {
    error: msg('workload.localhostProfile'),
    path: ['localhostProfile'],
  });

export const ContainerSecurityContextSchema = z.strictObject({
  runAsNonRoot: z.boolean().optional(),
  runAsUser: NonNegativeIntSchema.optional(),
  runAsGroup: NonNegativeIntSchema.optional(),
  readOnlyRootFilesystem: z.boolean().optional(),
  allowPrivilegeEscalation: z.boolean().optional(),
  privileged: z.boolean().optional(),
  capabilities: z.strictObject({ add: strings.optional(), drop: strings.optional() }).optional(),
  seccompProfile: SeccompProfileSchema.optional(),
});

export const VolumeMountSchema = z.strictObject({
  name: Dns1123LabelSchema,
  mountPath: RequiredStringSchema,
  subPath: SubPathSchema.optional(),
  readOnly: z.boolean().optional(),
});

const CONTAINER_SHAPE = {
  name: Dns1123LabelSchema,
  image: ImageSchema,
  imagePullPolicy: choice(['Always', 'IfNotPresent', 'Never']).optional(),
  command: strings.optional(),
  args: strings.optional(),
  workingDir: z.string().optional(),
  ports: keyed(z.array(ContainerPortSchema), (p) => [
    `${p.containerPort}/${p.protocol ?? 'TCP'}`,
    p.name ? `name:${p.name}` : undefined,
  ]).optional(),
  env: keyed(z.array(EnvVarSchema), (e) => [e.name]).optional(),
  envFrom: keyed(z.array(EnvFromSourceSchema), (s) => [
    s.configMapRef
      ? `configMap:${s.configMapRef.name}|${s.prefix ?? ''}`
      : `secret:${s.secretRef?.name}|${s.prefix ?? ''}`,
  ]).optional(),
  resources: ResourcesSchema.optional(),
  livenessProbe: ProbeSchema.optional(),
  readinessProbe: ProbeSchema.optional(),
  startupProbe: ProbeSchema.optional(),
  lifecycle: z
    .strictObject({ postStart: LifecycleHandlerSchema.optional(), preStop: LifecycleHandlerSchema.optional() })
    .optional(),
  securityContext: ContainerSecurityContextSchema.optional(),
  volumeMounts: keyed(z.array(VolumeMountSchema), (m) => [m.mountPath]).optional(),
};

type ContainerShape = z.output<z.ZodObject<typeof CONTAINER_SHAPE>>;

function checkProbes(c: ContainerShape & { restartPolicy?: 'Always' }, ctx: z.RefinementCtx, init: boolean): void {
  for (const probe of ['livenessProbe', 'startupProbe'] as const) {
    const threshold = c[probe]?.successThreshold;
    if (threshold !== undefined && threshold !== 1) {
      ctx.addIssue({ code: 'custom', message: msg('workload.successThresholdOne'), path: [probe, 'successThreshold'] });
    }
  }
  if (!init || c.restartPolicy === 'Always') return;
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'] as const) {
    if (c[key] !== undefined) {
      ctx.addIssue({ code: 'custom', message: msg('workload.initContainerProbes'), path: [key] });
    }
  }
}

const containerSchema = z.strictObject(CONTAINER_SHAPE).superRefine((c, ctx) => checkProbes(c, ctx, false));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name for declarations (form-meta Named)
export interface ContainerSchemaType extends Named<typeof containerSchema> {}
/** A main container. */
export const ContainerSchema: ContainerSchemaType = containerSchema;

const initContainerSchema = z
  .strictObject({
    ...CONTAINER_SHAPE,
    restartPolicy: z.literal('Always', { error: msg('workload.choice') }).optional(),
  })
  .superRefine((c, ctx) => checkProbes(c, ctx, true));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name for declarations (form-meta Named)
export interface InitContainerSchemaType extends Named<typeof initContainerSchema> {}
/**
 * An init container; `restartPolicy: Always` makes it a native sidecar (Kubernetes 1.29+), which starts in its
 * place among the init containers and keeps running beside the main ones — hence one list, in order.
 */
export const InitContainerSchema: InitContainerSchemaType = initContainerSchema;

export type EnvVarForm = z.infer<typeof EnvVarSchema>;
export type EnvFromForm = z.infer<typeof EnvFromSourceSchema>;
export type ContainerPortForm = z.infer<typeof ContainerPortSchema>;
export type ResourcesForm = z.infer<typeof ResourcesSchema>;
export type ProbeForm = z.infer<typeof ProbeSchema>;
export type LifecycleHandlerForm = z.infer<typeof LifecycleHandlerSchema>;
export type ContainerSecurityContextForm = z.infer<typeof ContainerSecurityContextSchema>;
export type VolumeMountForm = z.infer<typeof VolumeMountSchema>;
export type ContainerForm = z.infer<typeof ContainerSchema>;
export type InitContainerForm = z.infer<typeof InitContainerSchema>;
