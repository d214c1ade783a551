import { describe, expect, it } from 'vitest';
import { isCronSchedule, isTimeZone } from './cron.js';
import { WORKLOAD_MESSAGES, workloadMessage } from './messages.js';
import { isDns1123Label, isDns1123Subdomain, isLabelValue, isPortName, isQualifiedName, isQuantity } from './rules.js';

/** One value a line, so a table stays readable whatever its length. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

describe('Kubernetes string rules', () => {
  it('DNS-1123 labels and subdomains', () => {
    expect(isDns1123Label('a'.repeat(63))).toBe(true);
    expect(isDns1123Label('a'.repeat(64))).toBe(false);
    expect(isDns1123Label('a.b')).toBe(false);
    expect(isDns1123Label('-a')).toBe(false);
    expect(isDns1123Subdomain('a.b-c.d')).toBe(true);
    expect(isDns1123Subdomain('a..b')).toBe(false);
    expect(isDns1123Subdomain('A.b')).toBe(false);
    expect(isDns1123Subdomain(`${'a'.repeat(63)}.`.repeat(4) + 'a')).toBe(false);
  });

  it.each(['app', 'app.kubernetes.io/name', 'a-b_c.d', 'example.com/A_b', 'K8S'])('label key %j is valid', (key) => {
    expect(isQualifiedName(key)).toBe(true);
  });

  it.each(['', 'bad key', '/x', 'a/b/c', 'Example.com/x', '-a', 'a_', 'a'.repeat(64), 'x/'])(
    'label key %j is not',
    (key) => {
      expect(isQualifiedName(key)).toBe(false);
    },
  );

  it('label values: empty, or a qualified name part', () => {
    expect(isLabelValue('')).toBe(true);
    expect(isLabelValue('v1.2_3-x')).toBe(true);
    expect(isLabelValue('has space')).toBe(false);
    expect(isLabelValue('a'.repeat(64))).toBe(false);
  });

  it.each(lines('1 0.5 .5 5. 100m 128Mi 1Gi 2Ti 1e3 1E3 1E 1.5k 10n 3u +1'.replace(/ /g, '\n')))(
    'quantity %j is valid',
    (q) => {
      expect(isQuantity(q)).toBe(true);
    },
  );

  it.each(['', 'Mi', '1 Gi', '1K', '1ki', '1GB', '-1', '1e', '1.2.3', 'one'])('quantity %j is not', (q) => {
    expect(isQuantity(q)).toBe(false);
  });

  it('port names are IANA service names', () => {
    expect(isPortName('http-metrics')).toBe(true);
    for (const name of ['HTTP', 'a--b', '-a', 'a-', '1234', 'a'.repeat(16), '']) {
      expect(isPortName(name), name).toBe(false);
    }
  });
});

describe('cron schedules (as the apiserver parses them)', () => {
  const GOOD = lines(`
    * * * * *
    */5 * * * *
    15,45 1-5/2 * * 1-5
    0 3 * jan-jun,sep-dec mon-fri
    */30 0-6 ? * SUN,SAT
    5/10 * * * *
    0 0 1 1 0
    0	0  *  *  *
    @hourly
    @daily
    @weekly
    @monthly
    @yearly
    @annually
    @midnight
    @every 1h30m
    @every 90s
  `);
  const BAD = lines(`
    * * * *
    * * * * * *
    60 * * * *
    * 24 * * *
    * * 0 * *
    * * * 13 *
    * * * * 7
    */0 * * * *
    5-1 * * * *
    1-2-3 * * * *
    * * * foo *
    L * * * *
    0 0 * * 1#2
    TZ=UTC 0 * * * *
    CRON_TZ=UTC 0 * * * *
    @often
    @every
    @every 1
    1,,2 * * * *
  `);

  it.each([...GOOD, '  0 2 * * *  '])('%j is a schedule', (s) => {
    expect(isCronSchedule(s)).toBe(true);
  });

  it.each(['', ...BAD])('%j is not', (s) => {
    expect(isCronSchedule(s)).toBe(false);
  });

  it('time zones are IANA names the runtime knows, never Local', () => {
    for (const tz of ['Asia/Shanghai', 'Etc/UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+8']) {
      expect(isTimeZone(tz), tz).toBe(true);
    }
    for (const tz of ['Local', '', 'UTC+8', 'Mars/Olympus', 'Asia/ Shanghai']) expect(isTimeZone(tz), tz).toBe(false);
  });
});

describe('workload messages', () => {
  it('has English and Chinese text for every key', () => {
    for (const [key, text] of Object.entries(WORKLOAD_MESSAGES)) {
      expect(key).toMatch(/^workload\.[a-zA-Z0-9]+$/);
      expect(text.en.length, key).toBeGreaterThan(0);
      expect(text.zh, key).toMatch(/[\u4e00-\u9fff]/);
      expect(text.zh, key).not.toBe(text.en);
    }
    expect(workloadMessage('workload.port', 'zh')).toBe('端口号须在 1 到 65535 之间');
    expect(workloadMessage('workload.port', 'en')).toBe('A port number from 1 to 65535');
  });
});
