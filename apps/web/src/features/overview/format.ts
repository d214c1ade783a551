/** CPU in cores as kubectl shows it: "250m" below one core, "1.5" above. */
export function formatCpu(cores: number): string {
  if (cores === 0) return '0';
  if (cores < 1) return `${Math.round(cores * 1000)}m`;
  return String(Math.round(cores * 100) / 100);
}

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Bytes in binary units with at most one decimal ("1.5 GiB"). */
export function formatBytes(bytes: number): string {
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < IEC.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? v : Math.round(v * 10) / 10} ${IEC[i]}`;
}

export function formatAmount(value: number, unit: 'cores' | 'bytes' | 'count'): string {
  return unit === 'cores' ? formatCpu(value) : unit === 'bytes' ? formatBytes(value) : String(value);
}

/** Share of a whole in percent (0 when the whole is unknown or zero), rounded to one decimal. */
export function percent(part: number, whole: number | null): number {
  return whole ? Math.round((part / whole) * 1000) / 10 : 0;
}
