import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import type { CommandContext, CommandRunner } from '../context';
import { ExitCode, invalidInput } from '../errors';
import { readTable } from '../import/readTable';
import { importRows, type ImportReport, type RowError } from '../import/importRows';
import { printJson } from '../output';
import { STANDARDS, type StandardId } from '../import/columns';
import { positiveIntOption } from '../options';

export const IMPORT_HELP = `
Columns: BibIA's own names (the fields of AiToolInput, e.g. name, summary, themes, status,
algorithmType, riskLevel, hosting), or a published register's file as it is: the Dutch
Algoritmeregister (standard 1.0 and 0.2), the UK ATRS, the Eurocities Algorithmic Transparency
Standard, the Etalab inventory. The standard is found from the headers (or --standard). A
register's columns with no BibIA field, and cells converted with a loss, are kept in the tool's
sourceExtra (bibia export --format <standard>:csv gives them back); values a file does not give
stay "non renseigné". See docs/import.md and docs/import-columns.md. Lists (themes) are separated by | or ,; booleans are oui/non,
true/false or 1/0. CSV files use ; or , (found from the header line), UTF-8 with or without BOM.

Rows are sent in batches of --batch-size. Each batch is all-or-nothing on its own, so every
batch is first checked (a dry run) and rows are written only when ALL of them are valid. If a
write still fails part-way (network, concurrent change), the earlier batches stay written:
run the same import again, rows are matched to existing tools by slug.

Exit codes: 0 done, 1 rows refused (every error is listed with its row, line and column),
2 invalid file, 3 endpoint unreachable, 4 token refused.`;

export function registerImport(program: Command, run: CommandRunner): void {
  program
    .command('import')
    .description("Import tools into your collectivité's registry from a CSV or JSON file (needs a publisher token).")
    .argument('<file>', 'file.csv or file.json (an array of rows)')
    .requiredOption('--siren <siren>', 'SIREN of your collectivité (the registry written to)')
    .option('--dry-run', 'check every row and list every error; write nothing')
    .option('--publish', 'publish the imported tools (default: they stay drafts)')
    .option('--progress', 'show a progress bar even when stderr is not a terminal')
    .option('--batch-size <n>', 'rows per request (at most 2000)', positiveIntOption('--batch-size', 2000), 200)
    .option('--standard <id>', `read the file as this standard (${STANDARDS.map((st) => st.id).join(', ')}); default: found from the headers`)
    .option('--accept-suggestions', 'apply the themes suggested for rows that give none (default: only listed)')
    .addHelpText('after', IMPORT_HELP)
    .action((file: string, _o, cmd: Command) =>
      run(cmd, async (ctx) => {
        const o = cmd.opts<{ siren: string; dryRun?: boolean; publish?: boolean; progress?: boolean; batchSize: number; standard?: string; acceptSuggestions?: boolean }>();
        if (!/^\d{9}$/.test(o.siren)) throw invalidInput(`--siren "${o.siren}" is not a SIREN (9 digits)`);
        if (o.standard && !STANDARDS.some((st) => st.id === o.standard)) throw invalidInput(`--standard "${o.standard}" is not one of ${STANDARDS.map((st) => st.id).join(', ')}`);
        const table = readTable(file);
        const bar = o.progress || ctx.io.stderrIsTTY ? progressBar(ctx) : undefined;
        let report: ImportReport;
        try {
          report = await importRows(ctx.client, table, {
            siren: o.siren,
            dryRun: Boolean(o.dryRun),
            publish: Boolean(o.publish),
            batchSize: o.batchSize,
            standard: o.standard as StandardId | undefined,
            acceptSuggestions: Boolean(o.acceptSuggestions),
            onProgress: bar?.update,
          });
        } finally {
          bar?.stop();
        }
        printWarnings(ctx, report);
        if (ctx.json) printJson(ctx.io, { file, siren: o.siren, dryRun: Boolean(o.dryRun), ...report });
        else printReport(ctx, file, o.siren, Boolean(o.dryRun), Boolean(o.publish), report);
        if (report.errors.length) ctx.exitCode = ExitCode.ERROR;
      }),
    );
}

function progressBar(ctx: CommandContext) {
  let bar: SingleBar | undefined;
  let phase = '';
  return {
    update: (p: 'validate' | 'write', done: number, total: number) => {
      if (p !== phase) {
        bar?.stop();
        phase = p;
        bar = new SingleBar({
          format: `${p === 'validate' ? 'Checking' : 'Writing '} [{bar}] {value}/{total} rows`,
          stream: ctx.io.progressStream ?? process.stderr,
          noTTYOutput: true,
          notTTYSchedule: 1000,
          barsize: 30,
          hideCursor: false,
        });
        bar.start(total, 0);
      }
      bar!.update(done);
    },
    stop: () => bar?.stop(),
  };
}

export function describeError(e: RowError): string {
  const where = e.row === 0 ? (e.line ? 'en-tête (ligne 1)' : 'fichier') : `enregistrement ${e.row}${e.line ? ` (ligne ${e.line})` : ''}`;
  return `${where}${e.column ? `, colonne « ${e.column} »` : ''} : ${e.message}`;
}

/** Warnings go to stderr, each column once; the rows are imported all the same. */
function printWarnings(ctx: CommandContext, r: ImportReport): void {
  const err = ctx.io.stderr;
  if (r.standard !== 'bibia') err(`Fichier lu au format ${r.standard}.\n`);
  if (r.ignoredColumns.length) err(`avertissement : colonnes sans équivalent BibIA, conservées telles quelles dans sourceExtra : ${r.ignoredColumns.join(', ')}\n`);
  if (r.personalColumns.length) err(`avertissement : colonnes de données personnelles, ni enregistrées ni conservées : ${r.personalColumns.join(', ')}\n`);
  for (const w of r.warnings) err(`avertissement : ${describeError(w)}\n`);
  for (const s of r.suggestions) {
    err(`suggestion : enregistrement ${s.row}, thèmes ${s.themes.join(', ')}${s.applied ? ' (appliqués)' : ' (non appliqués : --accept-suggestions pour les retenir)'}\n`);
  }
}

function printReport(ctx: CommandContext, file: string, siren: string, dryRun: boolean, publish: boolean, r: ImportReport): void {
  const out = ctx.io.stdout;
  if (r.errors.length) {
    out(`${r.errors.length} problème${r.errors.length > 1 ? 's' : ''} dans ${file} (${r.rowCount} enregistrements) :\n`);
    for (const e of r.errors) out(`  ${describeError(e)}\n`);
    out('Rien n’a été écrit.\n');
    return;
  }
  if (dryRun) {
    out(`Essai : les ${r.rowCount} enregistrements de ${file} sont valides : ${r.created} outil(s) seraient créés, ${r.updated} modifiés, ${r.unchanged} inchangés dans ${siren}${publish ? ' et publiés' : ''}. Rien n’a été écrit.\n`);
    return;
  }
  out(`${r.rowCount} enregistrements de ${file} importés dans ${siren} : ${r.created} créés, ${r.updated} modifiés, ${r.unchanged} inchangés${publish ? ', tous publiés' : ' (brouillons : --publish pour les publier)'}.\n`);
}
