import type { LibraryStatsPageQuery } from './generated/graphql';

type StatsNode = LibraryStatsPageQuery['aiTools']['edges'][number]['node'];

/** Counts of the library, each sorted by decreasing count then key. */
export interface LibraryStats {
  toolCount: number;
  byTheme: { key: string; count: number }[];
  byStatus: { key: string; count: number }[];
  byRiskLevel: { key: string; count: number }[];
  /** By région code (INSEE); `''` for collectivités whose région the directory does not give. */
  byRegion: { key: string; count: number }[];
  /** Collectivités with at least one tool. */
  collectiviteCount: number;
}

export function computeLibraryStats(nodes: StatsNode[]): LibraryStats {
  const themes = new Map<string, number>();
  const statuses = new Map<string, number>();
  const risks = new Map<string, number>();
  const regions = new Map<string, number>();
  const sirens = new Set<string>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const n of nodes) {
    for (const t of n.themes) add(themes, t);
    add(statuses, n.status);
    add(risks, n.riskLevel);
    add(regions, n.collectivite.region ?? '');
    sirens.add(n.collectivite.siren);
  }
  return {
    toolCount: nodes.length,
    byTheme: sorted(themes),
    byStatus: sorted(statuses),
    byRiskLevel: sorted(risks),
    byRegion: sorted(regions),
    collectiviteCount: sirens.size,
  };
}

function sorted(m: Map<string, number>): { key: string; count: number }[] {
  return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
