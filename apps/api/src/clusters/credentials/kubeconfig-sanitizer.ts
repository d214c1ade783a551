import { parse } from 'yaml';
import { AppError } from '../../common/errors/app-error.js';
import { assertYamlWithin } from '../../common/parsing/complexity.js';

/**
 * An uploaded kubeconfig is never loaded as-is: `exec` and `auth-provider` entries run programs or fetch tokens
 * on the server, file references read the server's disk, proxies redirect traffic. This reads the YAML as plain
 * data and keeps exactly server, CA data, client certificate/key data and bearer token; everything else is
 * reported as dropped.
 */
export type SanitizedAuth = { type: 'token'; token: string } | { type: 'clientCertificate'; certData: string; keyData: string };

export interface SanitizedContext {
  name: string;
  server: string | null;
  caData: string | null;
  insecure: boolean;
  auth: SanitizedAuth | null;
  problems: string[];
  dropped: string[];
}

const KEPT_CLUSTER_KEYS = new Set(['server', 'certificate-authority-data', 'insecure-skip-tls-verify']);
const KEPT_USER_KEYS = new Set(['token', 'client-certificate-data', 'client-key-data']);

type Named = { name?: unknown; cluster?: unknown; user?: unknown; context?: unknown };

export function sanitizeKubeconfig(text: string): { contexts: SanitizedContext[]; currentContext: string | null } {
  // Before parsing: yaml's cost grows with nesting and entries, not bytes (a 1 MB nested body stalled the loop ~3 s).
  assertYamlWithin(text, undefined, 'kubeconfig');
  let doc: unknown;
  try {
    // yaml's default alias limit (100) refuses billion-laughs documents.
    doc = parse(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (err) {
    throw new AppError('KUBECONFIG_INVALID', `Not a valid kubeconfig: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!isRecord(doc) || !Array.isArray(doc.contexts)) throw new AppError('KUBECONFIG_INVALID', 'Not a kubeconfig: no contexts');
  const clusters = byName(doc.clusters, 'cluster');
  const users = byName(doc.users, 'user');
  const contexts = (doc.contexts as Named[]).flatMap((entry) => {
    if (!isRecord(entry) || typeof entry.name !== 'string' || !isRecord(entry.context)) return [];
    const ctx = entry.context;
    return [sanitizeContext(entry.name, clusters.get(String(ctx.cluster)), users.get(String(ctx.user)))];
  });
  const current = typeof doc['current-context'] === 'string' ? doc['current-context'] : null;
  return { contexts, currentContext: current };
}

function sanitizeContext(name: string, cluster: Record<string, unknown> | undefined, user: Record<string, unknown> | undefined): SanitizedContext {
  const out: SanitizedContext = { name, server: null, caData: null, insecure: false, auth: null, problems: [], dropped: [] };
  if (!cluster) out.problems.push('the context names no known cluster');
  else {
    for (const key of Object.keys(cluster)) if (!KEPT_CLUSTER_KEYS.has(key)) out.dropped.push(`cluster.${key}`);
    if (typeof cluster.server === 'string' && /^https?:\/\//.test(cluster.server)) out.server = cluster.server;
    else out.problems.push('the cluster has no http(s) server URL');
    if (typeof cluster['certificate-authority-data'] === 'string') out.caData = decodePem(cluster['certificate-authority-data'], out, 'CA');
    out.insecure = cluster['insecure-skip-tls-verify'] === true;
  }
  if (!user) out.problems.push('the context names no known user');
  else {
    for (const key of Object.keys(user)) if (!KEPT_USER_KEYS.has(key)) out.dropped.push(`user.${key}`);
    if (typeof user.token === 'string' && user.token.trim()) out.auth = { type: 'token', token: user.token.trim() };
    else if (typeof user['client-certificate-data'] === 'string' && typeof user['client-key-data'] === 'string') {
      const certData = decodePem(user['client-certificate-data'], out, 'client certificate');
      const keyData = decodePem(user['client-key-data'], out, 'client key');
      if (certData && keyData) out.auth = { type: 'clientCertificate', certData, keyData };
    }
    if (!out.auth) {
      const how = 'exec' in user ? 'an exec plugin' : 'auth-provider' in user ? 'an auth provider' : 'tokenFile' in user || 'client-certificate' in user ? 'files on the client machine' : null;
      out.problems.push(how ? `the user authenticates with ${how}, which Wheelhouse never runs or reads; use a token or client certificate` : 'the user has no token or client certificate');
    }
  }
  return out;
}

function decodePem(b64: string, out: SanitizedContext, what: string): string | null {
  const text = Buffer.from(b64, 'base64').toString('utf8');
  if (!text.includes('-----BEGIN ')) {
    out.problems.push(`the ${what} data is not base64 of a PEM block`);
    return null;
  }
  return text;
}

function byName(list: unknown, key: 'cluster' | 'user'): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  if (!Array.isArray(list)) return map;
  for (const entry of list as Named[]) {
    const value = isRecord(entry) ? entry[key] : undefined;
    if (isRecord(entry) && typeof entry.name === 'string' && isRecord(value)) map.set(entry.name, value);
  }
  return map;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
