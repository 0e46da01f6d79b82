import type { Command } from 'commander';
import {
  BibiaError,
  AI_ACT_ROLE_LABELS, ALGORITHM_TYPE_LABELS, AUTOMATION_LABELS, HOSTING_LABELS, IMPACT_ASSESSMENT_LABELS, STATE_LABELS, VISIBILITY_LABELS,
  type AiToolQuery,
} from '@bibia/sdk';
import type { CommandContext, CommandRunner } from '../context';
import { CliError, ExitCode, notFound } from '../errors';
import { printJson, printRecord, warnUnavailable } from '../output';
import { labelText, riskText, statusText, terminalText, themesText, yesNoText } from '../format';
import { collectiviteText } from './search';

type Tool = NonNullable<AiToolQuery['aiTool']>;

export function registerTool(program: Command, run: CommandRunner): void {
  program
    .command('tool')
    .description('Show one tool: every field, its practice reports, its collectivité.')
    .argument('<id>', 'tool id, <siren>:<slug> (e.g. 216200410:tri-courrier-entrant)')
    .action((id: string, _o, cmd: Command) =>
      run(cmd, async (ctx) => {
        const { data, unavailableMembers } = await ctx.client.aiTool({ id }).catch((err) => {
          if (err instanceof BibiaError && err.code === 'BAD_USER_INPUT') throw notFound(`no tool with id ${id}: ids look like <siren>:<slug>, e.g. 216200410:tri-courrier-entrant`);
          throw err;
        });
        warnUnavailable(ctx.io, unavailableMembers);
        const tool = data.aiTool;
        if (!tool) {
          if (unavailableMembers.some((m) => id.startsWith(`${m.siren}:`))) throw new CliError(`no answer for tool ${id}: its registry is unavailable`, ExitCode.ERROR);
          throw notFound(`no tool with id ${id}`);
        }
        if (ctx.json) return printJson(ctx.io, { tool, unavailableMembers });
        printTool(ctx, tool);
      }),
    );
}

function printTool(ctx: CommandContext, t: Tool): void {
  printRecord(ctx.io, [
    ['Id', t.id],
    ['Nom', t.name],
    ['Collectivité', collectiviteText(t.collectivite)],
    ['Résumé', t.summary],
    ['Description', t.description],
    ['Objectif', t.purpose],
    ['Service', t.department],
    ['Thèmes', themesText(t.themes)],
    ['Statut', statusText(t.status)],
    ['Début', t.startDate],
    ['Fin', t.endDate],
    ['Type d’algorithme', labelText(ALGORITHM_TYPE_LABELS, t.algorithmType)],
    ['Niveau de risque', riskText(t.riskLevel)],
    ['Rôle (AI Act)', labelText(AI_ACT_ROLE_LABELS, t.aiActRole)],
    ['Automatisation', labelText(AUTOMATION_LABELS, t.automationLevel)],
    ['Décisions individuelles', yesNoText(t.individualDecisions)],
    ['Décisions par an', t.decisionsPerYear],
    ['Public concerné', t.affectedPublic],
    ['Contrôle humain', t.humanOversight],
    ['Sources de données', t.dataSources.map((d) => `${d.name}${d.personalData ? ' (données personnelles)' : ''}${d.description ? ` : ${d.description}` : ''}`).join('\n')],
    ['Base légale', t.legalBasis],
    ['Analyses d’impact', t.impactAssessments.map((a) => [IMPACT_ASSESSMENT_LABELS[a.type], a.date, a.url].filter(Boolean).join(' — ')).join('\n')],
    ['Hébergement', `${labelText(HOSTING_LABELS, t.hosting)}${t.hostingDetails ? ` — ${t.hostingDetails}` : ''}`],
    ['Fournisseur', t.provider ? `${t.provider.name}${t.provider.siren ? ` (SIREN ${t.provider.siren})` : ''}` : null],
    ['Produit', t.product?.id],
    ['Logiciel libre', yesNoText(t.openSource)],
    ['Code source', t.sourceCodeUrl],
    ['Licence', t.licence],
    ['Contact', t.contactEmail],
    ['Site web', t.websiteUrl],
    ['Registre d’origine', t.source ? `${t.source}${t.externalId ? ` (${t.externalId})` : ''}` : null],
    ['Complétude', `${t.completeness.filled}/${t.completeness.total} champs renseignés${t.completeness.missing.length ? ` ; non renseignés : ${t.completeness.missing.join(', ')}` : ''}`],
    ['État', `${STATE_LABELS[t.state]} (version ${t.version})`],
    ['Mis à jour', t.updatedAt],
    ['Publié le', t.publishedAt],
  ]);
  ctx.io.stdout(`\nRetours d’expérience : ${t.practiceReports.length}\n`);
  for (const r of t.practiceReports) {
    ctx.io.stdout(terminalText(`\n${r.title} (${r.reportDate}, ${r.authorRole || 'auteur non précisé'}, ${VISIBILITY_LABELS[r.visibility]}) — ${r.id}\n`));
    printRecord(ctx.io, [
      ['Contexte', r.context],
      ['Ce qui a été fait', r.whatWasDone],
      ['Résultats', r.results],
      ['Indicateurs', r.indicators.map((i) => `${i.name} : ${i.value} ${i.unit}`.trim()).join('\n')],
      ['Coûts', r.costs],
      ['Enseignements', r.lessons],
      ['Éthique', r.ethics],
      ['Représentants du personnel consultés', r.staffConsulted],
      ['Formation des agents', r.staffTraining],
      ['Effets sur les emplois', r.jobImpact],
      ['Dialogue social', r.socialDialogue],
    ]);
  }
}
