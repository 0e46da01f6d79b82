import type { Command } from 'commander';
import { ALGORITHM_TYPE_LABELS, HOSTING_LABELS, RISK_LABELS, STATUS_LABELS, THEME_LABELS } from '@bibia/sdk';
import type { CommandRunner } from '../context';
import { printJson, printTable, warnPartial } from '../output';
import { departementText, regionText } from '../format';
import { addFilterOptions, filterFrom, type FilterOptions } from './search';

export function registerStats(program: Command, run: CommandRunner): void {
  addFilterOptions(program.command('stats').description('Figures of the national library in one query: tools per theme, status, risk level, algorithm, hosting, product, région.'))
    .option('--search <text>', 'only tools matching this search')
    .action((_o, cmd: Command) =>
      run(cmd, async (ctx) => {
        const o = cmd.opts<FilterOptions & { search?: string }>();
        const result = await ctx.client.libraryStats(filterFrom(o.search, o));
        const { data: s, unavailableMembers, staleMembers } = result;
        warnPartial(ctx.io, result);
        if (ctx.json) return printJson(ctx.io, { ...s, unavailableMembers, staleMembers });
        ctx.io.stdout(`${s.toolCount} published tools from ${s.memberCount} collectivités, ${s.reportCount} published practice reports.\n\n`);
        const section = (title: string, rows: { key: string; count: number }[], label: (k: string) => string) => {
          ctx.io.stdout(`${title}\n`);
          printTable(ctx.io, ['', 'Outils', ''], rows.map((r) => [label(r.key), r.count, bar(r.count, s.toolCount)]));
          ctx.io.stdout('\n');
        };
        section('Par thème', s.byTheme, (k) => THEME_LABELS[k as keyof typeof THEME_LABELS] ?? k);
        section('Par statut', s.byStatus, (k) => STATUS_LABELS[k as keyof typeof STATUS_LABELS] ?? k);
        section('Par niveau de risque', s.byRiskLevel, (k) => RISK_LABELS[k as keyof typeof RISK_LABELS] ?? k);
        section('Par type d’algorithme', s.byAlgorithmType, (k) => ALGORITHM_TYPE_LABELS[k as keyof typeof ALGORITHM_TYPE_LABELS] ?? k);
        section('Par hébergement', s.byHosting, (k) => HOSTING_LABELS[k as keyof typeof HOSTING_LABELS] ?? k);
        section('Par produit', s.byProduct, (k) => k);
        section('Par région', s.byRegion, (k) => regionText(k) || k);
        section('Par département', s.byDepartement, (k) => departementText(k));
      }),
    );
}

function bar(count: number, total: number): string {
  return '█'.repeat(total ? Math.max(1, Math.round((count / total) * 25)) : 0);
}
