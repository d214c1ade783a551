import { BlockList, isIP } from 'node:net';

/**
 * Where the console may connect on behalf of a cluster registration. Loopback and private ranges stay allowed
 * (clusters live there, and so does the local control plane), and so does the CGNAT range 100.64.0.0/10 (real
 * clusters sit behind carrier-grade NAT and overlay VPNs): only the metadata hosts inside it are refused. Refused:
 * cloud metadata, time, DNS and host-agent endpoints, link-local, unspecified, multicast, broadcast and reserved
 * addresses, in any spelling that reaches them (IPv4-mapped, -compatible or -translated IPv6, NAT64, 6to4, Teredo).
 */
const v4 = new BlockList();
v4.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network"; 0.0.0.0 reaches the local host on Linux
v4.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local: AWS/GCP/Azure/Oracle/DigitalOcean/OpenStack metadata at .169.254,
// AWS time .169.123 and DNS .169.253, ECS task metadata 169.254.170.2, Tencent 169.254.0.23
v4.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata (inside CGNAT space, which stays allowed)
v4.addAddress('168.63.129.16', 'ipv4'); // Azure WireServer (host agent, DNS; a public address on purpose)
v4.addSubnet('192.0.0.0', 24, 'ipv4'); // IETF protocol assignments; Oracle Cloud@Customer metadata is 192.0.0.192
v4.addSubnet('224.0.0.0', 4, 'ipv4'); // multicast
v4.addSubnet('240.0.0.0', 4, 'ipv4'); // reserved, and 255.255.255.255 broadcast

const v6 = new BlockList();
v6.addAddress('::', 'ipv6');
v6.addSubnet('fe80::', 10, 'ipv6'); // link-local
v6.addSubnet('fec0::', 10, 'ipv6'); // deprecated site-local
v6.addSubnet('ff00::', 8, 'ipv6'); // multicast
v6.addSubnet('100::', 64, 'ipv6'); // discard-only
v6.addSubnet('fd00:ec2::', 32, 'ipv6'); // AWS Nitro services: IMDS ::254, DNS ::253, time ::123
v6.addAddress('fd20:ce::254', 'ipv6'); // GCP metadata over IPv6
v6.addAddress('fd00:c1::a9fe:a9fe', 'ipv6'); // Oracle Cloud metadata over IPv6

/** Names that reach metadata services by name (resolved addresses are checked too; these fail even off-cloud). */
const DENIED_HOSTNAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.tencentyun.com',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.platformequinix.com',
  'metadata.packet.net',
]);

/** The 16 bytes of an IPv6 address (zone id dropped, embedded dotted quad accepted), or null if it is not one. */
function ipv6Bytes(address: string): number[] | null {
  let a = address.split('%')[0]!;
  if (isIP(a) !== 6) return null;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(a)?.[1];
  if (dotted) {
    const [p, q, r, s] = dotted.split('.').map(Number) as [number, number, number, number];
    a = a.slice(0, -dotted.length) + `${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`;
  }
  const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

const quad = (b: number[], at: number, xor = 0) => b.slice(at, at + 4).map((x) => (x ^ xor) & 0xff).join('.');
const zero = (b: number[], from: number, to: number) => b.slice(from, to).every((x) => x === 0);

/** IPv4 addresses an IPv6 address carries and that a translator or tunnel would deliver to. */
export function embeddedIPv4(address: string): string[] {
  const b = ipv6Bytes(address);
  if (!b) return [];
  const out: string[] = [];
  const w = (i: number) => (b[i]! << 8) | b[i + 1]!;
  if (zero(b, 0, 10) && w(10) === 0xffff) out.push(quad(b, 12)); // ::ffff:a.b.c.d mapped
  if (zero(b, 0, 8) && w(8) === 0xffff && w(10) === 0) out.push(quad(b, 12)); // ::ffff:0:a.b.c.d translated
  if (zero(b, 0, 12) && !zero(b, 12, 15)) out.push(quad(b, 12)); // ::a.b.c.d compatible (not :: or ::1)
  if (w(0) === 0x64 && w(2) === 0xff9b) out.push(quad(b, 12)); // NAT64 64:ff9b::/96 (and a /96 inside 64:ff9b:1::/48)
  if (w(0) === 0x64 && w(2) === 0xff9b && w(4) === 1) out.push([b[6], b[7], b[9], b[10]].join('.')); // RFC 6052 /48 layout
  if (w(0) === 0x2002) out.push(quad(b, 2)); // 6to4
  if (w(0) === 0x2001 && w(2) === 0) out.push(quad(b, 4), quad(b, 12, 0xff)); // Teredo server, client (inverted)
  return out;
}

/** True for an address the console must not connect to (anything that is not an IP address included). */
export function isDeniedAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').split('%')[0]!;
  const family = isIP(a);
  if (family === 4) return v4.check(a, 'ipv4');
  if (family !== 6) return true;
  if (v6.check(a, 'ipv6')) return true;
  return embeddedIPv4(a).some((x) => v4.check(x, 'ipv4'));
}

/** A hostname as a resolver sees it: lower case, brackets and trailing dots dropped. */
export function normalizeHost(host: string): string {
  return host.replace(/^\[|\]$/g, '').replace(/\.+$/, '').toLowerCase();
}

/** The checks that need no resolver: an IP literal against the address set, a name against the metadata names. */
export function isDeniedHost(host: string): boolean {
  const h = normalizeHost(host);
  if (isIP(h.split('%')[0]!)) return isDeniedAddress(h);
  return h === '' || DENIED_HOSTNAMES.has(h);
}
