import type { ApiResource, SearchHidden, SearchResult } from '@wheelhouse/shared';
import { gvrHref, objectHref } from '@/kit/hrefs';

export type PaletteItem = { key: string; kind: string; label: string; sub?: string; href: string; labels?: string[] };
/** A row of a section: a navigable item (with its index in the flat keyboard order) or a "+N more" note. */
export type PaletteRow = { type: 'item'; index: number; item: PaletteItem } | { type: 'more'; key: string; kind: string; count: number };
/** `cluster` null: the kind jumps of the current cluster, titled by the component. */
export type PaletteSection = { key: string; cluster: { id: string; displayName: string } | null; rows: PaletteRow[] };
export type Palette = { sections: PaletteSection[]; items: PaletteItem[]; notes: SearchHidden[] };

const MAX_KINDS = 6;

/**
 * The palette's content: kind jumps for the current cluster first, then the search answer grouped by cluster
 * (the current one first, the rest in the answer's order) and, inside each, by kind. `items` is the flat order
 * the arrow keys walk; `notes` the clusters or kinds that did not answer (refusals stay quiet).
 */
export function buildPalette(input: {
  needle: string;
  current?: { id: string; displayName: string };
  kinds: ApiResource[];
  result?: SearchResult;
}): Palette {
  const items: PaletteItem[] = [];
  const sections: PaletteSection[] = [];
  const push = (section: PaletteSection, item: PaletteItem) => {
    section.rows.push({ type: 'item', index: items.length, item });
    items.push(item);
  };
  const lower = input.needle.toLowerCase();
  const { current } = input;
  if (current && lower) {
    const section: PaletteSection = { key: 'kinds', cluster: null, rows: [] };
    input.kinds
      .filter((r) => r.verbs.includes('list') && r.access !== 'none' && [r.kind, r.resource, ...r.shortNames].some((s) => s.toLowerCase().startsWith(lower)))
      .slice(0, MAX_KINDS)
      .forEach((r) =>
        push(section, {
          key: `kind/${r.group}/${r.version}/${r.resource}`,
          kind: '',
          label: r.kind,
          sub: r.group || 'core',
          href: gvrHref({ cluster: current.id, group: r.group, version: r.version, resource: r.resource }),
        }),
      );
    if (section.rows.length) sections.push(section);
  }

  const groups = input.result?.groups ?? [];
  const clusterIds = [...new Set(groups.map((g) => g.cluster.id))].sort((a, b) => Number(b === current?.id) - Number(a === current?.id));
  for (const id of clusterIds) {
    const mine = groups.filter((g) => g.cluster.id === id);
    const section: PaletteSection = { key: `cluster/${id}`, cluster: mine[0]!.cluster, rows: [] };
    for (const g of mine) {
      const gvr = { cluster: id, group: g.kind.group, version: g.kind.version, resource: g.kind.resource };
      for (const o of g.items) {
        push(section, {
          key: `obj/${id}/${g.kind.group}/${g.kind.resource}/${o.namespace ?? ''}/${o.name}`,
          kind: g.kind.kind,
          label: o.name,
          sub: o.namespace ?? undefined,
          href: objectHref(gvr, o.name, o.namespace),
          labels: o.labels && Object.entries(o.labels).map(([k, v]) => (v ? `${k}=${v}` : k)),
        });
      }
      if (g.total > g.items.length) section.rows.push({ type: 'more', key: `more/${id}/${g.kind.group}/${g.kind.resource}`, kind: g.kind.kind, count: g.total - g.items.length });
    }
    sections.push(section);
  }
  const notes = (input.result?.hidden ?? []).filter((h) => h.reason !== 'forbidden');
  return { sections, items, notes };
}
