import type { ContainerSecurityContextForm } from './container.schema.js';
import type { PodSecurityContextForm, PodSpecForm } from './pod.schema.js';

/**
 * The securityContext fields Pod Security `restricted` requires (v1.25+ rules): non-root, no privilege
 * escalation, every capability dropped, the runtime's default seccomp profile.
 *
 * Known limitations: it cannot make a pod restricted on its own — hostPath volumes, host namespaces and ports,
 * and `runAsUser: 0` also fail the profile; the review step's dry run against the namespace says so.
 */
export function restrictedSecurityContext(): { pod: PodSecurityContextForm; container: ContainerSecurityContextForm } {
  return {
    pod: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    container: {
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      privileged: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
  };
}

/**
 * `spec` with the preset laid over every container (init, sidecar, main) and the pod; other securityContext
 * fields stay, an added NET_BIND_SERVICE (the one capability `restricted` allows) too.
 */
export function applyRestricted(spec: PodSpecForm): PodSpecForm {
  const preset = restrictedSecurityContext();
  const harden = <C extends { securityContext?: ContainerSecurityContextForm }>(c: C): C => {
    const add = c.securityContext?.capabilities?.add?.filter((cap) => cap === 'NET_BIND_SERVICE');
    const capabilities = { ...(add?.length ? { add } : {}), drop: ['ALL'] };
    return { ...c, securityContext: { ...c.securityContext, ...preset.container, capabilities } };
  };
  return {
    ...spec,
    ...(spec.initContainers ? { initContainers: spec.initContainers.map(harden) } : {}),
    containers: spec.containers.map(harden),
    securityContext: { ...spec.securityContext, ...preset.pod },
  };
}
