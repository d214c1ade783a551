import { kindsOfSection, type KindSection } from '@wheelhouse/shared';
import { SECTION_OF_REGISTRY, type KindSectionKey } from '@/kit/sections';

// kinds-card.tsx still imports it from here; it can move to '@/kit/sections' and this line go.
export { isCustomGroup } from '@/kit/sections';

type Kind = { group: string; version: string; resource: string };

const TO_REGISTRY = Object.fromEntries(Object.entries(SECTION_OF_REGISTRY).map(([k, v]) => [v, k])) as Record<
  KindSectionKey,
  KindSection
>;

/** Which lists each sidebar section leads to, in registry order. */
export function sectionKinds(section: KindSectionKey): Kind[] {
  return kindsOfSection(TO_REGISTRY[section]).map((k) => ({
    group: k.group || 'core',
    version: k.version,
    resource: k.resource,
  }));
}
