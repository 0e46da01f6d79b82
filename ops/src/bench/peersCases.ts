/** The cases of `bench peers` (issue 12's goals). */
export type PeerCase = 'G1' | 'G1b' | 'G2' | 'G4';
export const PEER_CASES: readonly PeerCase[] = ['G1', 'G1b', 'G2', 'G4'];

export function parseCases(list: string): PeerCase[] {
  const cases = list.split(',').map((c) => c.trim()).filter(Boolean);
  const unknown = cases.filter((c) => !PEER_CASES.includes(c as PeerCase));
  if (unknown.length) throw new Error(`unknown case(s) ${unknown.join(', ')}: choose among ${PEER_CASES.join(', ')}`);
  return cases as PeerCase[];
}

/** Rewrites the routing URL of each named subgraph of a supergraph (`@join__graph(name:, url:)`). */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<string, string>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole);
}
