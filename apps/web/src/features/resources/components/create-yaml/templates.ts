import { stringify } from 'yaml';

type Kind = { group: string; version: string; kind: string; namespaced: boolean };

const CONFIG_MAP: Kind = { group: '', version: 'v1', kind: 'ConfigMap', namespaced: true };

/** Bodies a user fills in for common kinds; any other kind gets apiVersion, kind and metadata only. */
const BODIES: Record<string, Record<string, unknown>> = {
  ConfigMap: { data: { key: 'value' } },
  Secret: { type: 'Opaque', stringData: { key: 'value' } },
  Deployment: {
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'example' } },
      template: { metadata: { labels: { app: 'example' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    },
  },
  Service: { spec: { selector: { app: 'example' }, ports: [{ port: 80, targetPort: 80 }] } },
  Namespace: {},
};

/** A starting manifest for the kind in view (a ConfigMap when none): what `kubectl create` would take. */
export function templateFor(kind: Kind | undefined, namespace?: string): string {
  const k = kind ?? CONFIG_MAP;
  const metadata = { name: 'example', ...(k.namespaced && namespace ? { namespace } : {}) };
  const body = { apiVersion: k.group ? `${k.group}/${k.version}` : k.version, kind: k.kind, metadata, ...(BODIES[k.kind] ?? {}) };
  return stringify(body, { lineWidth: 0 });
}
