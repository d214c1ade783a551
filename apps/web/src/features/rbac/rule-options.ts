import { CONSOLE_GROUP, CONSOLE_RESOURCES, VERBS } from '@wheelhouse/shared';
import { CORE_GROUP_LABEL } from './format';

export const VERB_OPTIONS: readonly string[] = [...VERBS, '*'];

/** Common resources per API group, offered in the pickers; anything else can still be typed. */
export const RESOURCES_BY_GROUP: Readonly<Record<string, readonly string[]>> = {
  [CORE_GROUP_LABEL]: [
    'pods',
    'pods/log',
    'pods/exec',
    'pods/attach',
    'pods/portforward',
    'services',
    'endpoints',
    'configmaps',
    'secrets',
    'persistentvolumeclaims',
    'serviceaccounts',
    'events',
    'resourcequotas',
    'limitranges',
    'replicationcontrollers',
    'namespaces',
    'nodes',
    'persistentvolumes',
  ],
  apps: ['deployments', 'deployments/scale', 'statefulsets', 'statefulsets/scale', 'daemonsets', 'replicasets'],
  batch: ['jobs', 'cronjobs'],
  autoscaling: ['horizontalpodautoscalers'],
  'networking.k8s.io': ['ingresses', 'ingressclasses', 'networkpolicies'],
  policy: ['poddisruptionbudgets'],
  'storage.k8s.io': ['storageclasses', 'volumeattachments', 'csidrivers'],
  'apiextensions.k8s.io': ['customresourcedefinitions'],
  [CONSOLE_GROUP]: CONSOLE_RESOURCES,
};

export const API_GROUP_OPTIONS: readonly string[] = [...Object.keys(RESOURCES_BY_GROUP), '*'];

/** Resources to offer for the chosen groups: those groups' resources, or all of them for `*` or no choice yet. */
export function resourceOptionsFor(groups: readonly string[] | undefined): string[] {
  const chosen = groups?.length && !groups.includes('*') ? groups : Object.keys(RESOURCES_BY_GROUP);
  const resources = chosen.flatMap((group) => RESOURCES_BY_GROUP[group] ?? []);
  return [...new Set(resources), '*'];
}
