import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/**
 * Which proxies in front of a server may say who the client is (`X-Forwarded-For`): a number of
 * hops (0: none, the socket's peer is the client), or the proxies' addresses, CIDRs or proxy-addr
 * names (`loopback`, `linklocal`, `uniquelocal`).
 */
export type TrustProxy = number | readonly string[];

/** Whether an address is in a list of addresses, CIDRs and names (IPv4-mapped IPv6 matches IPv4). */
export type AddressMatcher = (address: string) => boolean;

/** Compiles a list of addresses, CIDRs and names; throws a `TypeError` naming an invalid entry. */
export function addressMatcher(list: readonly string[]): AddressMatcher {
  if (!list.length) return () => false;
  const trusted = proxyaddr.compile([...list]);
  return (address) => trusted(address, 0);
}

/**
 * The client's address as a server behind `trustProxy` sees it: the socket's peer, or the first
 * address in `X-Forwarded-For` written by a trusted proxy. Never the header alone: without trusted
 * proxies a client could name any address it likes.
 */
export function clientAddressResolver(trustProxy: TrustProxy): (req: IncomingMessage) => string {
  if (trustProxy === 0 || (typeof trustProxy !== 'number' && !trustProxy.length)) return (req) => normalizeAddress(req.socket.remoteAddress);
  const trust = typeof trustProxy === 'number' ? (_addr: string, i: number) => i < trustProxy : proxyaddr.compile([...trustProxy]);
  return (req) => normalizeAddress(proxyaddr(req, trust));
}

/** IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as IPv4, IPv6 in its canonical form; `unknown` when there is none. */
export function normalizeAddress(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address)) return 'unknown';
  return ipaddr.process(address).toString();
}

/**
 * The part of an address that identifies one client for rate limits: the whole IPv4 address, the
 * /64 prefix of an IPv6 one (one subscriber line commonly holds a whole /64, so counting single
 * IPv6 addresses would let one client rotate through billions of them).
 */
export function clientKeyOf(address: string): string {
  if (!ipaddr.IPv6.isValid(address) || ipaddr.IPv4.isValid(address)) return address;
  const parts = ipaddr.IPv6.parse(address).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(':')}::/64`;
}
