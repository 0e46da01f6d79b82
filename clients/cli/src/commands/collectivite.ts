import type { Command } from 'commander';
import { KIND_LABELS, MEMBERSHIP_STATUS_LABELS } from '@bibia/sdk';
import type { CommandRunner } from '../context';
import { notFound } from '../errors';
import { printJson, printRecord, printTable, warnUnavailable } from '../output';
import { regionText, riskText, statusText, themesText } from '../format';

export function registerCollectivite(program: Command, run: CommandRunner): void {
  program
    .command('collectivite')
    .description("Show a collectivité: the directory's record, its registry's figures and its tools.")
    .argument('<siren>', 'SIREN (9 digits), e.g. 216200410')
    .action((siren: string, _o, cmd: Command) =>
      run(cmd, async (ctx) => {
        const { data, unavailableMembers } = await ctx.client.collectivite({ siren: siren.trim(), first: 100 });
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
