import { describe, expect, it } from 'vitest';
import { fromManifest, toManifest } from './manifest.mapper.js';
import type { DeploymentForm } from './workload.schema.js';

const deployment = (pod: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'app', labels: { app: 'app' } },
  spec: { selector: { matchLabels: { app: 'app' } }, template: { metadata: { labels: { app: 'app' } }, spec: pod } },
});

describe('toManifest without a base', () => {
  it('writes a clean minimal manifest: only what the form sets, no defaults, no empties', () => {
    const form: DeploymentForm = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: {} },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' }, annotations: {} },
          spec: {
            containers: [
              { name: 'web', image: 'nginx:1.27', env: [], resources: { requests: {} }, securityContext: {} },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
            tolerations: [],
          },
        },
      },
    };
    expect(toManifest(form)).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], volumes: [{ name: 'tmp', emptyDir: {} }] },
        },
      },
    });
  });

  it('reads back every field of a full container it wrote', () => {
    const live = deployment({
      containers: [
        {
          name: 'a',
          image: 'a',
          imagePullPolicy: 'Always',
          command: ['run'],
          args: ['--x'],
          workingDir: '/w',
          ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
          env: [{ name: 'R', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } }],
          envFrom: [{ prefix: 'P_', configMapRef: { name: 'cm', optional: true } }],
          resources: { limits: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1Gi' } },
          livenessProbe: { grpc: { port: 9000, service: 's' }, periodSeconds: 3 },
          readinessProbe: { exec: { command: ['true'] }, successThreshold: 2 },
          startupProbe: { tcpSocket: { port: 'http' }, failureThreshold: 30 },
          lifecycle: { postStart: { exec: { command: ['hi'] } }, preStop: { sleep: { seconds: 5 } } },
          securityContext: {
            capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] },
            seccompProfile: { type: 'Localhost', localhostProfile: 'p' },
          },
          volumeMounts: [{ name: 'v', mountPath: '/v', subPath: 'sub', readOnly: true }],
        },
      ],
      volumes: [{ name: 'v', hostPath: { path: '/var/v', type: 'DirectoryOrCreate' } }],
    });
    const form = fromManifest(live);
    expect(toManifest(form)).toStrictEqual(live);
  });

  it('refuses an object that is not a workload', () => {
    expect(() => fromManifest({ kind: 'Service' })).toThrow(/Service/);
    expect(() => fromManifest(null)).toThrow();
  });
});
