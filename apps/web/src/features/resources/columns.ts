/** Column data lives in the kind registry (@wheelhouse/shared); this file keeps what only the browser formats. */
export { pick, text, type K8sObject } from '@wheelhouse/shared';

/** "3d", "5h", "12m", "40s": kubectl's compact age. */
export function age(timestamp: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(timestamp)) / 1000));
  if (Number.isNaN(seconds)) return '';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}
