import { describe, expect, it } from 'vitest';
import { embeddedIPv4, isDeniedAddress, isDeniedHost } from './address-policy.js';

/** The hostname Node would dial for a cluster URL, as the WHATWG parser leaves it. */
const host = (url: string) => new URL(url).hostname;

describe('address policy: metadata and link-local endpoints of the clouds', () => {
  it.each([
    ['AWS, GCP, Azure, Oracle, DigitalOcean IMDS', '169.254.169.254'],
    ['AWS time sync', '169.254.169.123'],
    ['AWS DNS', '169.254.169.253'],
    ['AWS ECS task metadata', '169.254.170.2'],
    ['Tencent metadata', '169.254.0.23'],
    ['Alibaba metadata', '100.100.100.200'],
    ['Azure WireServer', '168.63.129.16'],
    ['Oracle Cloud@Customer metadata', '192.0.0.192'],
    ['AWS IMDS over IPv6', 'fd00:ec2::254'],
    ['AWS DNS over IPv6', 'fd00:ec2::253'],
    ['GCP metadata over IPv6', 'fd20:ce::254'],
    ['Oracle metadata over IPv6', 'fd00:c1::a9fe:a9fe'],
    ['this host', '0.0.0.0'],
    ['multicast', '224.0.0.1'],
    ['broadcast', '255.255.255.255'],
    ['reserved', '240.0.0.1'],
    ['IPv6 unspecified', '::'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 link-local with zone', 'fe80::1%eth0'],
    ['IPv6 multicast', 'ff02::1'],
    ['not an address', 'not-an-ip'],
  ])('denies %s (%s)', (_name, a) => expect(isDeniedAddress(a)).toBe(true));

  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback, elsewhere in 127/8', '127.0.0.53'],
    ['RFC 1918', '10.1.2.3'],
    ['RFC 1918', '172.16.0.5'],
    ['RFC 1918', '192.168.1.10'],
    ['CGNAT clusters (Tailscale, carrier NAT)', '100.64.0.1'],
    ['CGNAT next to Alibaba metadata', '100.100.100.201'],
    ['public', '8.8.8.8'],
    ['IPv6 loopback', '::1'],
    ['IPv6 ULA', 'fd12:3456:789a::1'],
    ['IPv6 public', '2600:1f18::1'],
    ['NAT64 of a public address', '64:ff9b::808:808'],
  ])('allows %s (%s)', (_name, a) => expect(isDeniedAddress(a)).toBe(false));
});

describe('address policy: every spelling of a refused address', () => {
  it.each([
    'http://169.254.169.254/',
    'http://2852039166/', // decimal
    'http://0251.0376.0251.0376/', // octal
    'http://0xa9fea9fe/', // hex
    'http://0xa9.0xfe.0xa9.0xfe/', // hex per octet
    'http://169.254.43518/', // short form
    'http://169.254.169.254./', // trailing dot
    'http://%31%36%39.254.169.254/', // percent-encoded
    'http://169。254。169。254/', // ideographic full stops
    'http://100.100.100.200/',
    'http://1684301000/', // decimal of 100.100.100.200
    'http://0x646464c8/', // hex of 100.100.100.200
    'http://[::ffff:169.254.169.254]/', // IPv4-mapped, dotted
    'http://[::ffff:a9fe:a9fe]/', // IPv4-mapped, hex
    'http://[0:0:0:0:0:ffff:a9fe:a9fe]/', // IPv4-mapped, long
    'http://[::ffff:6464:64c8]/', // IPv4-mapped Alibaba
    'http://[::169.254.169.254]/', // IPv4-compatible
    'http://[::ffff:0:a9fe:a9fe]/', // IPv4-translated (SIIT)
    'http://[64:ff9b::169.254.169.254]/', // NAT64 well-known prefix
    'http://[64:ff9b:1::a9fe:a9fe]/', // local-use NAT64 prefix, /96 layout
    'http://[2002:a9fe:a9fe::1]/', // 6to4
    'http://[2001:0:a9fe:a9fe::1]/', // Teredo server
    'http://[2001:0:4136:e378:8000:63bf:5601:5601]/', // Teredo client 169.254.169.254, inverted
    'http://[fd00:ec2::254]/',
    'http://[FD00:EC2:0::254]/',
    'http://metadata.google.internal/',
    'http://METADATA.Google.Internal./',
    'http://metadata/',
    'http://metadata.tencentyun.com/',
    'http://instance-data/',
  ])('refuses %s', (url) => expect(isDeniedHost(host(url))).toBe(true));

  it.each(['https://127.0.0.1:6443/', 'https://localhost:6443/', 'https://kube.example.com/', 'https://[::1]:6443/', 'https://10.0.0.1/', 'https://100.64.1.2:6443/'])(
    'lets %s through to the resolver',
    (url) => expect(isDeniedHost(host(url))).toBe(false),
  );

  it('reads the IPv4 address out of every embedding form', () => {
    expect(embeddedIPv4('::ffff:a9fe:a9fe')).toContain('169.254.169.254');
    expect(embeddedIPv4('64:ff9b::a9fe:a9fe')).toContain('169.254.169.254');
    expect(embeddedIPv4('2002:a9fe:a9fe::')).toContain('169.254.169.254');
    expect(embeddedIPv4('::1')).toEqual([]);
    expect(embeddedIPv4('2600:1f18::1')).toEqual([]);
  });
});
