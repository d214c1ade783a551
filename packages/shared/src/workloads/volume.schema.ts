import { z } from 'zod';
import { countSet, keyed, marker, withMeta, type Named } from './form-meta.js';
import { AnnotationsSchema, LabelsSchema, LooseSelectorSchema } from './metadata.schema.js';
import { msg } from './messages.js';
import {
  choice,
  ConfigKeySchema,
  Dns1123LabelSchema,
  Dns1123SubdomainSchema,
  NonNegativeIntSchema,
  QuantitySchema,
  RequiredStringSchema,
  SubPathSchema,
} from './rules.js';

/** Pod volumes and StatefulSet claim templates. */

const KeyToPathSchema = z.strictObject({
  key: ConfigKeySchema,
  path: SubPathSchema,
  mode: NonNegativeIntSchema.optional(),
});
const items = keyed(z.array(KeyToPathSchema), (i) => [i.key]);

// Every volume source Kubernetes has, modelled or not: the form picking one drops the others (form-meta oneOf).
const VOLUME_SOURCES = [
  'emptyDir',
  'configMap',
  'secret',
  'persistentVolumeClaim',
  'projected',
  'ephemeral',
  'hostPath',
  'nfs',
  'csi',
  'downwardAPI',
  'image',
  'iscsi',
  'rbd',
  'cephfs',
  'fc',
  'flocker',
  'azureFile',
  'azureDisk',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'glusterfs',
  'quobyte',
  'flexVolume',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'cinder',
] as const;

export const PvcSpecSchema = z.looseObject({
  accessModes: z.array(choice(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'])).optional(),
  storageClassName: z.string().optional(),
  volumeMode: choice(['Filesystem', 'Block']).optional(),
  resources: z.looseObject({ requests: z.looseObject({ storage: QuantitySchema.optional() }).optional() }).optional(),
});

const volumeSchema = withMeta(
  z
    .strictObject({
      name: Dns1123LabelSchema,
      emptyDir: marker(
        z.strictObject({
          medium: z
            .string()
            .regex(/^(|Memory|HugePages(-\w+)?)$/, msg('workload.choice'))
            .optional(),
          sizeLimit: QuantitySchema.optional(),
        }),
      ).optional(),
      configMap: marker(
        z.strictObject({
          name: Dns1123SubdomainSchema.optional(),
          items: items.optional(),
          defaultMode: NonNegativeIntSchema.optional(),
          optional: z.boolean().optional(),
        }),
      ).optional(),
      secret: marker(
        z.strictObject({
          secretName: Dns1123SubdomainSchema.optional(),
          items: items.optional(),
          defaultMode: NonNegativeIntSchema.optional(),
          optional: z.boolean().optional(),
        }),
      ).optional(),
      persistentVolumeClaim: z
        .strictObject({ claimName: Dns1123SubdomainSchema, readOnly: z.boolean().optional() })
        .optional(),
      // Carried: its sources (ConfigMaps, Secrets, downward API, service account tokens, bundles) are many.
      projected: marker(
        z.looseObject({ sources: z.array(z.looseObject({})).optional(), defaultMode: NonNegativeIntSchema.optional() }),
      ).optional(),
      ephemeral: z
        .strictObject({
          volumeClaimTemplate: z.looseObject({ metadata: z.looseObject({}).optional(), spec: PvcSpecSchema }),
        })
        .optional(),
      hostPath: z
        .strictObject({
          path: RequiredStringSchema,
          type: choice([
            '',
            'DirectoryOrCreate',
            'Directory',
            'FileOrCreate',
            'File',
            'Socket',
            'CharDevice',
            'BlockDevice',
          ]).optional(),
        })
        .optional(),
    })
    // Zero known sources is fine: a source the form does not model (nfs, csi…) stays, and none at all is emptyDir.
    .refine((v) => countSet(v, VOLUME_SOURCES) <= 1, msg('workload.volumeSource')),
  { oneOf: VOLUME_SOURCES },
);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name for declarations (form-meta Named)
export interface VolumeSchemaType extends Named<typeof volumeSchema> {}
export const VolumeSchema: VolumeSchemaType = volumeSchema;

/** A StatefulSet's per-replica claim. */
export const VolumeClaimTemplateSchema = z.strictObject({
  metadata: z.strictObject({
    name: Dns1123LabelSchema,
    labels: LabelsSchema.optional(),
    annotations: AnnotationsSchema.optional(),
  }),
  spec: z.strictObject({
    accessModes: z.array(choice(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'])).optional(),
    storageClassName: z.string().optional(),
    volumeMode: choice(['Filesystem', 'Block']).optional(),
    resources: z
      .strictObject({
        requests: z.strictObject({ storage: QuantitySchema.optional() }).optional(),
        limits: z.strictObject({ storage: QuantitySchema.optional() }).optional(),
      })
      .optional(),
    selector: LooseSelectorSchema.optional(),
  }),
});

export type VolumeForm = z.infer<typeof VolumeSchema>;
export type VolumeClaimTemplateForm = z.infer<typeof VolumeClaimTemplateSchema>;
