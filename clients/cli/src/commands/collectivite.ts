import type { Command } from 'commander';
import { KIND_LABELS, MEMBERSHIP_STATUS_LABELS } from '@bibia/sdk';
import type { CommandContext, CommandRunner } from '../context';
import { invalidInput, notFound } from '../errors';
import { printJson, printRecord, printTable, warnUnavailable } from '../output';
import { regionText, riskText, statusText, themesText } from '../format';

export function registerCollectivite(program: Command, run: CommandRunner): void {
  program
    .command('collectivite')
    .description(
      "Show a collectivité: the directory's record, its registry's figures and its tools. Anything but a SIREN searches the directory: name, INSEE code or postal code.",
    )
    .argument('<siren-or-search>', 'SIREN (9 digits), e.g. 216200410; or a name ("alette"), an INSEE code or a postal code ("62650")')
    .option('--limit <n>', 'most collectivités a search lists, 1 to 100 (default 20)', '20')
    .action((query: string, o: { limit: string }, cmd: Command) =>
      run(cmd, async (ctx) => {
        const siren = query.replace(/\s+/g, '');
        if (!/^\d{9}$/.test(siren)) return searchCollectivites(ctx, query, Number(o.limit));
        const { data, unavailableMembers } = await ctx.client.collectivite({ siren, first: 100 });
        warnUnavailable(ctx.io, unavailableMembers);
        const c = data.collectivite;
        if (!c) throw notFound(`no collectivité with SIREN ${siren} in the directory`);
        if (ctx.json) return printJson(ctx.io, { collectivite: c, unavailableMembers });
        const stats = c.registryStats;
        printRecord(ctx.io, [
          ['Nom', c.name],
          ['SIREN', c.siren],
          ['Type', KIND_LABELS[c.kind]],
          ['Département', c.departement ? `${c.departementName ?? ''} (${c.departement})`.trim() : null],
          ['Région', c.regionName ?? regionText(c.region)],
          ['Population', c.population?.toLocaleString('fr-FR')],
          ['Site', c.website],
          ['Adhésion', c.membership ? MEMBERSHIP_STATUS_LABELS[c.membership.status] : 'non membre'],
          ['Registre', stats ? `${stats.toolCount} outils publiés (${stats.operationalToolCount} en service), ${stats.reportCount} retours d’expérience` : c.membership ? 'registre indisponible' : null],
        ]);
        const tools = c.aiTools;
        if (!tools) return;
        ctx.io.stdout(`\nOutils : ${tools.totalCount}\n`);
        if (tools.edges.length) {
          printTable(ctx.io, ['Id', 'Nom', 'Statut', 'Risque', 'Thèmes'], tools.edges.map(({ node: t }) => [t.id, t.name, statusText(t.status), riskText(t.riskLevel), themesText(t.themes)]), [0, 34, 0, 0, 26]);
        }
        if (tools.pageInfo.hasNextPage) ctx.io.stdout(`All of them: bibia search --siren ${c.siren} --limit ${tools.totalCount}\n`);
      }),
    );
}

/** `bibia collectivite <name | INSEE code | postal code>`: the directory's matches, sorted by name. */
async function searchCollectivites(ctx: CommandContext, search: string, limit: number): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidInput('--limit must be an integer from 1 to 100');
  const { data } = await ctx.client.collectivites({ filter: { search }, first: limit });
  const found = data.collectivites;
  if (ctx.json) return printJson(ctx.io, { totalCount: found.totalCount, collectivites: found.edges.map((e) => e.node) });
  if (!found.totalCount) throw notFound(`no collectivité in the directory matches "${search}"`);
  printTable(
    ctx.io,
    ['SIREN', 'Nom', 'Type', 'Département', 'Codes postaux', 'Adhésion'],
    found.edges.map(({ node: c }) => [
      c.siren,
      c.name,
      KIND_LABELS[c.kind],
      c.departement,
      c.postalCodes.join(' '),
      c.membership ? MEMBERSHIP_STATUS_LABELS[c.membership.status] : 'non membre',
    ]),
    [0, 34, 0, 0, 16, 0],
  );
  if (found.pageInfo.hasNextPage) ctx.io.stdout(`${found.edges.length} of ${found.totalCount}: narrow the search, or --limit ${Math.min(found.totalCount, 100)}\n`);
}
