import { describe, expect, it } from 'vitest';
import { formatAmount, formatBytes, formatCpu, percent } from './format';

describe('overview formats', () => {
  it('shows CPU like kubectl', () => {
    expect(formatCpu(0.25)).toBe('250m');
    expect(formatCpu(1.5)).toBe('1.5');
    expect(formatCpu(0)).toBe('0');
  });
  it('shows bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(64 * 1024 * 1024)).toBe('64 MiB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GiB');
  });
  it('formats by unit and computes shares', () => {
    expect(formatAmount(3, 'count')).toBe('3');
    expect(formatAmount(2048, 'bytes')).toBe('2 KiB');
    expect(percent(1, 4)).toBe(25);
    expect(percent(1, null)).toBe(0);
  });
});
