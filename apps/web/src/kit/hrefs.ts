/** Console URLs of kinds and objects, used by every feature that links into the explorer. */
export type Gvr = { cluster: string; group: string; version: string; resource: string };

export const gvrHref = ({ cluster, group, version, resource }: Gvr, namespace?: string) =>
  `/clusters/${encodeURIComponent(cluster)}/r/${encodeURIComponent(group || 'core')}/${encodeURIComponent(version)}/${encodeURIComponent(resource)}${namespace ? `?namespace=${encodeURIComponent(namespace)}` : ''}`;

/** An object's detail page; cluster-scoped objects use `_` for the namespace segment. */
export const objectHref = (gvr: Gvr, name: string, namespace?: string | null) =>
  `${gvrHref(gvr)}/${namespace ? encodeURIComponent(namespace) : '_'}/${encodeURIComponent(name)}`;

/** The cluster the user is looking at: the one in the URL, else the one last picked in a section page. */
export function clusterInPath(pathname: string): string | undefined {
  const m = /^\/clusters\/([^/]+)/.exec(pathname);
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}
export const REMEMBERED_CLUSTER_KEY = 'wheelhouse.cluster';
