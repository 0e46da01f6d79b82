import type { Command } from 'commander';
import { addStaleMembers, type AiToolFilter, type SearchAiToolsQuery, type StaleMember, type UnavailableMember } from '@bibia/sdk';
import type { CommandRunner } from '../context';
import { enumListOption, positiveIntOption, regionOption } from '../options';
import { printJson, printTable, warnPartial } from '../output';
import { riskText, statusText, themesText } from '../format';

type ToolEdge = SearchAiToolsQuery['aiTools']['edges'][number];

/** Filter options shared by `search` and `export`. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--theme <themes>', 'themes (enum names or French labels, comma-separated)', enumListOption('Theme', '--theme'))
    .option('--risk <levels>', 'AI Act risk levels: MINIMAL, LIMITED, HIGH, UNACCEPTABLE', enumListOption('RiskLevel', '--risk'))
    .option('--status <statuses>', 'statuses: PLANNED, PILOT, OPERATIONAL, RETIRED', enumListOption('ToolStatus', '--status'))
    .option('--algorithm <types>', 'algorithm types: RULE_BASED, MACHINE_LEARNING, GENERATIVE_LLM, HYBRID', enumListOption('AlgorithmType', '--algorithm'))
    .option('--region <region>', 'région code or name (e.g. 32 or Hauts-de-France)', regionOption)
    .option('--departement <code>', 'département code (e.g. 62)')
    .option('--product <id>', 'product of the shared catalogue (e.g. albert)')
    .option('--siren <sirens>', 'only these collectivités (SIRENs, comma-separated)');
}

export interface FilterOptions {
  theme?: string[];
  risk?: string[];
  status?: string[];
  algorithm?: string[];
  region?: string;
  departement?: string;
  product?: string;
  siren?: string;
}

export function filterFrom(text: string | undefined, o: FilterOptions): AiToolFilter {
  const filter: AiToolFilter = {};
  if (text?.trim()) filter.search = text.trim();
  if (o.theme?.length) filter.themes = o.theme as AiToolFilter['themes'];
  if (o.risk?.length) filter.riskLevels = o.risk as AiToolFilter['riskLevels'];
  if (o.status?.length) filter.statuses = o.status as AiToolFilter['statuses'];
  if (o.algorithm?.length) filter.algorithmTypes = o.algorithm as AiToolFilter['algorithmTypes'];
  if (o.region) filter.region = o.region;
  if (o.departement) filter.departement = o.departement.trim();
  if (o.product) filter.productId = o.product.trim();
  if (o.siren) filter.sirens = o.siren.split(',').map((s) => s.trim()).filter(Boolean);
  return filter;
}

export function registerSearch(program: Command, run: CommandRunner): void {
  addFilterOptions(
    program
      .command('search')
      .description('Search the national library (French full-text search in names and descriptions).')
      .argument('[text]', 'words to search, e.g. "courrier" or "\\"analyse d\'images\\" -vidéo"'),
  )
    .option('--limit <n>', 'how many tools to show (pages of 100 are followed)', positiveIntOption('--limit', 10_000), 20)
    .option('--after <cursor>', 'start after this cursor (the "next page" cursor printed by a previous search)')
    .option('--recent', 'most recently updated first (default: by name)')
    .action((text: string | undefined, _o, cmd: Command) =>
      run(cmd, async (ctx) => {
        const o = cmd.opts<FilterOptions & { limit: number; after?: string; recent?: boolean }>();
        const filter = filterFrom(text, o);
        const edges: ToolEdge[] = [];
        const unavailable: UnavailableMember[] = [];
        const stale: StaleMember[] = [];
        let after = o.after ?? null;
        let totalCount: number;
        let hasNextPage: boolean;
        do {
          const { data, unavailableMembers, staleMembers } = await ctx.client.searchAiTools({ filter, orderBy: o.recent ? 'RECENT' : 'NAME', first: Math.min(100, o.limit - edges.length), after });
          for (const m of unavailableMembers) if (!unavailable.some((u) => u.siren === m.siren)) unavailable.push(m);
          addStaleMembers(stale, staleMembers);
          edges.push(...data.aiTools.edges);
          totalCount = data.aiTools.totalCount;
          hasNextPage = data.aiTools.pageInfo.hasNextPage;
          after = data.aiTools.pageInfo.endCursor ?? null;
        } while (hasNextPage && edges.length < o.limit);
        warnPartial(ctx.io, { unavailableMembers: unavailable, staleMembers: stale });
        const next = hasNextPage ? after : null;
        if (ctx.json) {
          printJson(ctx.io, { totalCount, tools: edges.map((e) => e.node), nextCursor: next, unavailableMembers: unavailable, staleMembers: stale });
          return;
        }
        if (!edges.length) {
          ctx.io.stdout('No tool matches.\n');
          return;
        }
        printTable(
          ctx.io,
          ['Id', 'Nom', 'Collectivité', 'Statut', 'Risque', 'Thèmes'],
          edges.map(({ node: t }) => [t.id, t.name, collectiviteText(t.collectivite), statusText(t.status), riskText(t.riskLevel), themesText(t.themes)]),
          [0, 30, 22, 0, 0, 22],
        );
        ctx.io.stdout(`${edges.length} of ${totalCount} tool${totalCount > 1 ? 's' : ''} shown.${next ? ` Next page: --after ${next}` : ''}\n`);
      }),
    );
}

export function collectiviteText(c: { siren: string; name?: string | null; departement?: string | null }): string {
  if (!c.name) return c.siren;
  return c.departement ? `${c.name} (${c.departement})` : c.name;
}
