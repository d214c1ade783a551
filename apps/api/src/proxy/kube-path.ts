import type { Verb } from '@wheelhouse/shared';

/**
 * Fail-closed parsing of kubectl requests to `/k8s/clusters/<id>/…` (after Backstage's parseKubernetesPath and
 * k8s.io/apiserver's RequestInfo). The path is checked raw, decoded exactly once, parsed into a resource request
 * and re-encoded: what is authorized is exactly what the cluster receives. Anything ambiguous is 400, anything
 * unrecognised 403; there is no "pass it on and let the apiserver decide".
 */

export const PROXY_PREFIX = '/k8s/';

export interface ResourceRequest {
  kind: 'resource';
  verb: Verb;
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface DiscoveryRequest {
  kind: 'discovery';
}

export interface ProxyRequest {
  cluster: string;
  target: ResourceRequest | DiscoveryRequest;
  /** Canonical path + the original query, as sent to the cluster. */
  upstreamPath: string;
}

export class PathRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

/** Streaming subresources: always `create` (Kubernetes ≥ 1.35 authorizes WebSocket GETs as create too). */
export const STREAM_SUBRESOURCES = new Set(['exec', 'attach', 'portforward']);
const VERB_BY_METHOD = new Map<string, Verb>([['GET', 'get'], ['HEAD', 'get'], ['POST', 'create'], ['PUT', 'update'], ['PATCH', 'patch'], ['DELETE', 'delete']]);
/** Values the apiserver reads as watch=true/false; anything else (it reads most strings as true) is refused. */
const WATCH_VALUES = new Map([['1', true], ['true', true], ['0', false], ['false', false]]);
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

const CLUSTER_ID = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const VERSION = /^v[0-9]+((alpha|beta)[0-9]+)?$|^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const SUBRESOURCE = /^[a-z]{1,63}$/;
/** RFC 3986 unreserved + sub-delims + ':' '@' + '%' escapes; ';' (path parameters) is not among them. */
const RAW_PATH = /^[A-Za-z0-9\-._~!$&'()*+,=:@/%]*$/;
/** Escapes of '.', '/', '\', '%' and NUL: the classic traversal and double-decoding tricks. */
const AMBIGUOUS_ESCAPE = /%(2e|2f|5c|25|00)/i;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

const refuse = (status: 400 | 403 | 404, message: string): never => {
  throw new PathRefusal(status, message);
};

/**
 * Parses method + raw request URL (`req.url`, still encoded). Throws PathRefusal; never returns something
 * half-understood. `upgrade` marks HTTP upgrades (exec, attach, port-forward over WebSocket or SPDY).
 */
export function parseProxyRequest(method: string, rawUrl: string, upgrade = false): ProxyRequest {
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
  const segments = canonicalSegments(rawPath);
  if (segments[0] !== 'k8s' || segments[1] !== 'clusters' || segments.length < 3) refuse(404, 'Not a cluster proxy path');
  const cluster = segments[2]!;
  if (!CLUSTER_ID.test(cluster)) refuse(404, 'No such cluster');
  const rest = segments.slice(3);
  if (rest.length === 0) refuse(404, 'Nothing to proxy at the cluster root');
  const query = parseQuery(rawQuery);
  const upstreamPath = '/' + rest.map(encodeURIComponent).join('/') + (rawQuery ? `?${rawQuery}` : '');

  if (isDiscovery(rest)) {
    if ((method !== 'GET' && method !== 'HEAD') || upgrade) refuse(403, `${method} is not allowed on discovery paths`);
    return { cluster, target: { kind: 'discovery' }, upstreamPath };
  }
  const target = resourceRequest(method, rest, query);
  if (upgrade && !(target.subresource && STREAM_SUBRESOURCES.has(target.subresource))) {
    refuse(400, 'Connection upgrades are only proxied for exec, attach and portforward');
  }
  return { cluster, target, upstreamPath };
}

/** Checks the raw path, then decodes each segment once. */
function canonicalSegments(rawPath: string): string[] {
  if (!rawPath.startsWith('/')) refuse(400, 'The path must be absolute');
  if (!RAW_PATH.test(rawPath)) refuse(400, 'The path contains characters that are not allowed');
  if (AMBIGUOUS_ESCAPE.test(rawPath)) refuse(400, 'The path contains encoded dots, slashes, percent signs or NUL');
  if (/%(?![0-9a-f]{2})/i.test(rawPath)) refuse(400, 'The path contains a malformed escape');
  return rawPath
    .slice(1)
    .split('/')
    .map((raw) => {
      let s = '';
      try {
        s = decodeURIComponent(raw);
      } catch {
        refuse(400, 'The path contains a malformed escape');
      }
      if (s === '') refuse(400, 'The path contains an empty segment (double or trailing slash)');
      if (s === '.' || s === '..') refuse(400, 'The path contains a dot segment');
      if (CONTROL.test(s) || s.includes('\\') || s.includes('/') || s.includes('%')) refuse(400, 'The path contains characters that are not allowed');
      return s;
    });
}

function parseQuery(rawQuery: string): URLSearchParams {
  // Go's query parser (the apiserver's) rejects ';' where WHATWG's accepts it: the two could read different verbs.
  if (rawQuery.includes(';') || CONTROL.test(rawQuery) || rawQuery.includes('#')) refuse(400, 'The query string is not allowed');
  try {
    decodeURIComponent(rawQuery.replace(/\+/g, ' '));
  } catch {
    refuse(400, 'The query string contains a malformed escape');
  }
  return new URLSearchParams(rawQuery);
}

/** Version, discovery documents, OpenAPI and health: readable by anyone who may see the cluster. */
function isDiscovery(rest: string[]): boolean {
  const [first, ...tail] = rest;
  switch (first) {
    case 'api':
      return tail.length === 0 || (tail.length === 1 && VERSION.test(tail[0]!));
    case 'apis':
      return tail.length === 0 || (tail.length === 1 && DNS_SUBDOMAIN.test(tail[0]!)) || (tail.length === 2 && DNS_SUBDOMAIN.test(tail[0]!) && VERSION.test(tail[1]!));
    case 'openapi':
      return tail[0] === 'v2' ? tail.length === 1 : tail[0] === 'v3';
    case 'version':
    case 'healthz':
    case 'livez':
    case 'readyz':
      return tail.length === 0;
    default:
      return false;
  }
}

function resourceRequest(method: string, rest: string[], query: URLSearchParams): ResourceRequest {
  let group = '';
  let version: string;
  let parts: string[];
  if (rest[0] === 'api') {
    version = rest[1]!;
    parts = rest.slice(2);
  } else if (rest[0] === 'apis' && rest.length >= 3) {
    group = rest[1]!;
    version = rest[2]!;
    parts = rest.slice(3);
    if (!DNS_SUBDOMAIN.test(group)) refuse(400, 'Invalid API group');
  } else {
    return refuse(403, 'This path is not proxied');
  }
  if (!VERSION.test(version)) refuse(400, 'Invalid API version');
  // The deprecated /watch/ and /proxy/ path prefixes are not needed by kubectl; refusing them is simplest.
  if (parts[0] === 'watch' || parts[0] === 'proxy') refuse(403, `The deprecated /${parts[0]}/ paths are not proxied`);

  let namespace: string | undefined;
  // namespaces/<ns>/<resource>… is namespaced; namespaces/<ns>[/status|/finalize] is the (cluster-scoped) Namespace.
  if (parts[0] === 'namespaces' && parts.length >= 3 && !(parts.length === 3 && NAMESPACE_SUBRESOURCES.has(parts[2]!))) {
    namespace = parts[1]!;
    if (!DNS_LABEL.test(namespace)) refuse(400, 'Invalid namespace');
    parts = parts.slice(2);
  }
  if (parts.length === 0 || parts.length > 3) refuse(403, 'This path is not proxied');
  const [resource, name, subresource] = parts as [string, string | undefined, string | undefined];
  if (!DNS_SUBDOMAIN.test(resource)) refuse(400, 'Invalid resource');
  if (subresource !== undefined && !SUBRESOURCE.test(subresource)) refuse(400, 'Invalid subresource');
  if (subresource === 'proxy') refuse(403, `${resource}/proxy is never proxied`);

  return { kind: 'resource', verb: verbOf(method, name, subresource, query), group, version, resource, subresource, namespace, name };
}

function verbOf(method: string, name: string | undefined, subresource: string | undefined, query: URLSearchParams): Verb {
  const verb = VERB_BY_METHOD.get(method) ?? refuse(403, `Method ${method} is not allowed`);
  if (subresource && STREAM_SUBRESOURCES.has(subresource)) {
    if (method !== 'GET' && method !== 'POST') refuse(403, `Method ${method} is not allowed on ${subresource}`);
    return 'create';
  }
  if (verb === 'get' && name === undefined) {
    const values = query.getAll('watch');
    if (values.length > 1) refuse(400, 'watch is given more than once');
    if (values.length === 0) return 'list';
    const watch = WATCH_VALUES.get(values[0]!) ?? refuse(400, 'watch must be true, false, 1 or 0');
    return watch ? 'watch' : 'list';
  }
  if (verb === 'delete' && name === undefined) return 'deletecollection';
  return verb;
}
