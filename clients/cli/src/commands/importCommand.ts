import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import type { CommandContext, CommandRunner } from '../context';
import { ExitCode, invalidInput } from '../errors';
import { readTable } from '../import/readTable';
import { importRows, type ImportReport, type RowError } from '../import/importRows';
import { printJson } from '../output';
import { positiveIntOption } from '../options';

export const IMPORT_HELP = `
Columns: BibIA's own names (the fields of AiToolInput, e.g. name, summary, themes, status,
algorithmType, riskLevel, hosting), the Eurocities Algorithmic Transparency Standard's
(name, description_short, domain, status, risk_category, algorithm_type...) or the Etalab
inventory's ("Nom de l'algorithme", "Finalité", "Niveau d'automatisation"...): see
docs/import-columns.md. Lists (themes) are separated by | or ,; booleans are oui/non,
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
    .addHelpText('after', IMPORT_HELP)
    .action((file: string, _o, cmd: Command) =>
      run(cmd, async (ctx) => {
        const o = cmd.opts<{ siren: string; dryRun?: boolean; publish?: boolean; progress?: boolean; batchSize: number }>();
        if (!/^\d{9}$/.test(o.siren)) throw invalidInput(`--siren "${o.siren}" is not a SIREN (9 digits)`);
        const table = readTable(file);
        const bar = o.progress || ctx.io.stderrIsTTY ? progressBar(ctx) : undefined;
        let report: ImportReport;
        try {
          report = await importRows(ctx.client, table, {
            siren: o.siren,
            dryRun: Boolean(o.dryRun),
            publish: Boolean(o.publish),
            batchSize: o.batchSize,
            onProgress: bar?.update,
          });
        } finally {
          bar?.stop();
        }
        if (report.ignoredColumns.length) {
          ctx.io.stderr(`warning: columns with no BibIA equivalent, ignored: ${report.ignoredColumns.join(', ')}\n`);
        }
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
  const where = e.row === 0 ? (e.line ? 'header (line 1)' : 'file') : `row ${e.row}${e.line ? ` (line ${e.line})` : ''}`;
  return `${where}${e.column ? `, column "${e.column}"` : ''}: ${e.message}`;
}

function printReport(ctx: CommandContext, file: string, siren: string, dryRun: boolean, publish: boolean, r: ImportReport): void {
  const out = ctx.io.stdout;
  if (r.errors.length) {
    out(`${r.errors.length} problem${r.errors.length > 1 ? 's' : ''} in ${file} (${r.rowCount} rows):\n`);
    for (const e of r.errors) out(`  ${describeError(e)}\n`);
    out('Nothing was written.\n');
    return;
  }
  if (dryRun) {
    out(`Dry run: all ${r.rowCount} rows of ${file} are valid: ${r.created} tool(s) would be created, ${r.updated} updated in ${siren}${publish ? ' and published' : ''}. Nothing was written.\n`);
    return;
  }
  out(`Imported ${r.rowCount} rows of ${file} into ${siren}: ${r.created} created, ${r.updated} updated${publish ? ', all published' : ' (drafts: publish them with --publish)'}.\n`);
}
