import dns from 'node:dns';
import net from 'node:net';
import { postGraphQL, type PostGraphQLOptions, type PostGraphQLResult } from '../graphql/postGraphQL';
import { keepAliveFetch } from './keepAliveFetch';

/**
 * Where member registries may live. The hub connects to the URL an admin gives `registerMember`
 * (conformance probes) and, once admitted, on every query: a URL naming the hub's own machine or
 * network would let whoever registers a member make the hub call internal services. Outside a
 * development network (`ALLOW_PRIVATE_MEMBER_URLS`), a member URL is `https` and its host resolves
 * to public addresses only — checked when the URL is given, and again at each connection (a name
 * can resolve differently a second later: DNS rebinding).
 */
export interface MemberAddressPolicy {
  /** Development networks: `http` and loopback, private and link-local addresses accepted. */
  allowPrivateAddresses: boolean;
}

/** Address ranges refused, by the rule named in refusals. */
const RANGES: Array<[rule: string, cidr: string]> = [
  ['unspecified', '0.0.0.0/8'],
  ['private', '10.0.0.0/8'],
  ['private (shared address space)', '100.64.0.0/10'],
  ['loopback', '127.0.0.0/8'],
  ['link-local', '169.254.0.0/16'],
  ['private', '172.16.0.0/12'],
  ['reserved', '192.0.0.0/24'],
  ['reserved (documentation)', '192.0.2.0/24'],
  ['private', '192.168.0.0/16'],
  ['reserved (benchmarking)', '198.18.0.0/15'],
  ['reserved (documentation)', '198.51.100.0/24'],
  ['reserved (documentation)', '203.0.113.0/24'],
  ['multicast', '224.0.0.0/4'],
  ['reserved', '240.0.0.0/4'],
  ['unspecified', '::/128'],
  ['loopback', '::1/128'],
  ['reserved (IPv4-compatible)', '::/96'],
  ['reserved (discard)', '100::/64'],
  ['reserved (documentation)', '2001:db8::/32'],
  ['private (unique local)', 'fc00::/7'],
  ['link-local', 'fe80::/10'],
  ['private (site-local)', 'fec0::/10'],
  ['multicast', 'ff00::/8'],
];

const LISTS = RANGES.map(([rule, cidr]) => {
  const [address, prefix] = cidr.split('/');
  const family = net.isIPv4(address) ? 'ipv4' : 'ipv6';
  const list = new net.BlockList();
  list.addSubnet(address, Number(prefix), family);
  return { rule, list, family };
});

/**
 * The rule refusing this IP address (`loopback`, `private`, `link-local`, `multicast`...), or
 * null for a public address. IPv6 forms embedding an IPv4 address (`::ffff:127.0.0.1`, NAT64
 * `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that address.
 */
export function forbiddenAddressRule(address: string): string | null {
  const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
  if (!family) return 'not an IP address';
  if (family === 'ipv6') {
    const embedded = embeddedIPv4(address);
    if (embedded) return forbiddenAddressRule(embedded);
  }
  for (const { rule, list, family: f } of LISTS) if (f === family && list.check(address, family)) return rule;
  return null;
}

/** The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address, if any. */
function embeddedIPv4(address: string): string | null {
  const words = expandIPv6(address);
  if (!words) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) return v4(words[6], words[7]);
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0)) return v4(words[6], words[7]);
  if (words[0] === 0x2002) return v4(words[1], words[2]);
  return null;
}

/** The eight 16-bit words of an IPv6 address (dotted IPv4 tail and `::` expanded). */
function expandIPv6(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const words = tail === undefined ? left : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}

/** Why a member URL is refused under the policy (one sentence naming the rule), or null. */
export async function checkMemberUrl(raw: string, policy: MemberAddressPolicy): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (policy.allowPrivateAddresses) return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'not an http or https URL';
  if (url.protocol !== 'https:') return 'a member registry URL must use https (http is accepted only on a development network, ALLOW_PRIVATE_MEMBER_URLS)';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) {
    const rule = forbiddenAddressRule(host);
    return rule ? `${host} is a ${rule} address, which a member registry may not use` : null;
  }
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true, verbatim: true });
  } catch {
    return `the host name ${host} does not resolve`;
  }
  for (const { address } of addresses) {
    const rule = forbiddenAddressRule(address);
    if (rule) return `${host} resolves to a ${rule} address, which a member registry may not use`;
  }
  return null;
}

/** A connection refused by {@link guardedLookup}; `rule` names why. */
export class ForbiddenAddressError extends Error {
  readonly code = 'BIBIA_FORBIDDEN_ADDRESS';
  constructor(readonly rule: string) {
    super(`connection refused by the hub: the host resolves to a ${rule} address`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `net.connect` / `http.request` that resolves the name once and refuses forbidden
 * addresses: the connection goes to the address checked, so a name that resolved to a public
 * address when the URL was checked cannot now lead to a private one.
 */
export function guardedLookup(policy: MemberAddressPolicy) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!policy.allowPrivateAddresses) {
        for (const { address } of addresses) {
          const rule = forbiddenAddressRule(address);
          if (rule) return callback(new ForbiddenAddressError(rule), []);
        }
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** The fetch function {@link postGraphQL} accepts. */
export type PostFetch = NonNullable<PostGraphQLOptions['fetch']>;

/**
 * A `fetch` for {@link postGraphQL} (kept-alive connections, see {@link keepAliveFetch}) whose
 * every new connection goes through {@link guardedLookup}, and IP literals are judged before
 * connecting: an address the policy refuses is never connected to, whatever the name resolves
 * to by then (DNS rebinding). The gateway uses it for every call to its members.
 */
export function guardedFetch(policy: MemberAddressPolicy): PostFetch {
  return keepAliveFetch({
    lookup: guardedLookup(policy) as unknown as net.LookupFunction,
    refuse: (target) => {
      const literal = target.hostname.replace(/^\[|\]$/g, '');
      const rule = net.isIP(literal) && !policy.allowPrivateAddresses ? forbiddenAddressRule(literal) : null;
      return rule ? new ForbiddenAddressError(rule) : null;
    },
  });
}

/**
 * `postGraphQL` for a call to a member or candidate member under an address policy: the same
 * result and limits (no redirect, bounded answer, timeout), through {@link guardedFetch}; a
 * refused address gives `unreachable` with the detail `forbidden address: <rule>`.
 */
export function guardedPostGraphQL(
  policy: MemberAddressPolicy,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: PostGraphQLOptions = {},
): Promise<PostGraphQLResult> {
  return postGraphQL(url, query, variables, { ...options, fetch: guardedFetch(policy) });
}
