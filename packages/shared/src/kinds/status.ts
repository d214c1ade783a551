import { arr, condition, num, pick, text } from './read.js';
import type { K8sObject, Status } from './types.js';

const BAD_WAITING = /BackOff|Err|Invalid|CreateContainer|Crash/;

/** kubectl's STATUS column: a container's waiting/terminated reason beats the phase; deletion beats both. */
export function podStatus(o: K8sObject): Status {
  if (pick(o, 'metadata.deletionTimestamp')) return { tone: 'warning', key: 'terminating' };
  const phase = text(pick(o, 'status.phase')) || 'Unknown';
  const statuses = [...arr(pick(o, 'status.initContainerStatuses')), ...arr(pick(o, 'status.containerStatuses'))];
  for (const s of statuses) {
    const waiting = text(pick(s, 'state.waiting.reason'));
    if (waiting && waiting !== 'PodInitializing' && waiting !== 'ContainerCreating') {
      return { tone: BAD_WAITING.test(waiting) ? 'error' : 'processing', text: waiting, detail: text(pick(s, 'state.waiting.message')) };
    }
    const terminated = text(pick(s, 'state.terminated.reason'));
    if (terminated && terminated !== 'Completed' && phase !== 'Succeeded') {
      return { tone: 'error', text: terminated, detail: text(pick(s, 'state.terminated.message')) };
    }
  }
  const reason = text(pick(o, 'status.reason')); // Evicted, NodeLost…
  if (reason) return { tone: 'error', text: reason, detail: text(pick(o, 'status.message')) };
  switch (phase) {
    case 'Running': {
      const ready = condition(o, 'Ready')?.status === 'True';
      return { tone: ready ? 'success' : 'warning', text: phase };
    }
    case 'Pending':
      return { tone: 'processing', text: phase };
    case 'Succeeded':
      return { tone: 'default', text: 'Completed' };
    case 'Failed':
      return { tone: 'error', text: phase };
    default:
      return { tone: 'default', text: phase };
  }
}

/** Deployments, StatefulSets, ReplicaSets: ready against desired, a failed rollout named. */
export function replicatedStatus(o: K8sObject): Status {
  const desired = num(pick(o, 'spec.replicas') ?? 1);
  const ready = num(pick(o, 'status.readyReplicas'));
  const progressing = condition(o, 'Progressing');
  if (progressing?.status === 'False') return { tone: 'error', text: progressing.reason || 'ProgressDeadlineExceeded', detail: progressing.message };
  if (pick(o, 'spec.paused') === true) return { tone: 'default', key: 'suspended' };
  if (desired === 0) return { tone: 'default', key: 'scaledToZero' };
  if (ready >= desired && num(pick(o, 'status.updatedReplicas') ?? desired) >= desired) return { tone: 'success', key: 'ready' };
  return { tone: 'processing', key: 'updating', detail: `${ready}/${desired}` };
}

export function daemonSetStatus(o: K8sObject): Status {
  const desired = num(pick(o, 'status.desiredNumberScheduled'));
  const ready = num(pick(o, 'status.numberReady'));
  if (desired === 0) return { tone: 'default', key: 'scaledToZero' };
  return ready >= desired ? { tone: 'success', key: 'ready' } : { tone: 'processing', key: 'updating', detail: `${ready}/${desired}` };
}

export function jobStatus(o: K8sObject): Status {
  const failed = condition(o, 'Failed');
  if (failed?.status === 'True') return { tone: 'error', key: 'failed', detail: failed.reason || failed.message };
  if (condition(o, 'Complete')?.status === 'True') return { tone: 'success', key: 'complete' };
  if (pick(o, 'spec.suspend') === true) return { tone: 'default', key: 'suspended' };
  return { tone: 'processing', key: 'running' };
}

export function cronJobStatus(o: K8sObject): Status {
  if (pick(o, 'spec.suspend') === true) return { tone: 'default', key: 'suspended' };
  return arr(pick(o, 'status.active')).length ? { tone: 'processing', key: 'running' } : { tone: 'success', key: 'active' };
}

export function nodeStatus(o: K8sObject): Status {
  const ready = condition(o, 'Ready');
  if (!ready || ready.status === 'Unknown') return { tone: 'error', key: 'unknown', detail: ready?.message };
  if (ready.status !== 'True') return { tone: 'error', key: 'notReady', detail: ready.message };
  return pick(o, 'spec.unschedulable') === true ? { tone: 'warning', key: 'cordoned' } : { tone: 'success', key: 'ready' };
}

const PHASE_TONES: Record<string, Status['tone']> = {
  Active: 'success',
  Bound: 'success',
  Available: 'default',
  Released: 'default',
  Pending: 'processing',
  Terminating: 'warning',
  Lost: 'error',
  Failed: 'error',
};

/** Namespaces, PVs and PVCs: the phase, coloured. */
export function phaseStatus(o: K8sObject): Status {
  const phase = text(pick(o, 'status.phase')) || 'Unknown';
  return { tone: PHASE_TONES[phase] ?? 'default', text: phase };
}

export function hpaStatus(o: K8sObject): Status {
  const active = condition(o, 'ScalingActive');
  if (active?.status === 'False') return { tone: 'warning', text: active.reason, detail: active.message };
  const limited = condition(o, 'ScalingLimited');
  if (limited?.status === 'True') return { tone: 'warning', key: 'limited', detail: limited.message };
  return { tone: 'success', key: 'active' };
}

export function crdStatus(o: K8sObject): Status {
  return condition(o, 'Established')?.status === 'True' ? { tone: 'success', key: 'established' } : { tone: 'warning', key: 'notReady' };
}

export function eventStatus(o: K8sObject): Status {
  const type = text(pick(o, 'type')) || 'Normal';
  return { tone: type === 'Warning' ? 'warning' : 'default', text: type };
}

/** Any other kind (CRD instances included): a Ready or Available condition when it has one. */
export function genericStatus(o: K8sObject): Status | undefined {
  const c = condition(o, 'Ready') ?? condition(o, 'Available');
  if (!c) return undefined;
  return c.status === 'True' ? { tone: 'success', key: 'ready' } : { tone: c.status === 'False' ? 'error' : 'default', text: c.reason || c.status, detail: c.message };
}
