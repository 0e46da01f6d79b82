import type { BibiaClient } from '@bibia/sdk';
import { convertRow, missingFieldHint, planColumns, type ColumnPlan, type ConvertedRow } from './convertRow';
import type { Table } from './readTable';
import type { StandardId } from './columns';
import { frenchMessage } from './frenchMessages';

/** One problem of the file: its row (from 1, the header not counted), its line in a CSV, its column. */
export interface RowError {
  row: number;
  line?: number;
  column: string;
  message: string;
}

export interface ImportOptions {
  siren: string;
  /** The file's standard, when the clerk names it (else found from the headers). */
  standard?: StandardId;
  /** Apply the suggested themes. @default false */
  acceptSuggestions?: boolean;
  dryRun: boolean;
  publish: boolean;
  /** Rows per `importAiTools` call. @default 200 */
  batchSize?: number;
  /** Told how many rows were validated or written so far. */
  onProgress?: (phase: 'validate' | 'write', done: number, total: number) => void;
}

export interface ImportReport {
  /** The standard the file was read as. */
  standard: StandardId;
  rowCount: number;
  errors: RowError[];
  /** Cells converted with a loss (the original kept in sourceExtra), and suggestions: the rows are imported. */
  warnings: RowError[];
  /** Columns with no BibIA field (of a standard, or unknown): kept in `sourceExtra`. */
  ignoredColumns: string[];
  /** Columns of personal data (names, phone numbers): neither stored nor kept. */
  personalColumns: string[];
  /** Rows without themes for which some are suggested (applied with `acceptSuggestions`). */
  suggestions: { row: number; themes: string[]; applied: boolean }[];
  created: number;
  updated: number;
  /** Rows equal to the tool they match: nothing written for them. */
  unchanged: number;
  ids: string[];
  /** Whether anything was written. */
  written: boolean;
}

/** A batch write failed after earlier batches were written. */
export class PartialImportError extends Error {
  constructor(
    readonly writtenRows: number,
    override readonly cause: unknown,
  ) {
    super(`rows 1-${writtenRows} were written, the next batch failed: ${(cause as Error)?.message ?? cause}`);
  }
}

/**
 * Imports the rows of a table into one registry. Each `importAiTools` call is atomic on its own
 * but a file may need several: every batch is first checked with `dryRun`, and rows are written
 * only when all of them are clean. A failure while writing (network, concurrent change) can
 * still leave the first batches written; running the import again is safe (rows match by slug).
 */
export async function importRows(client: BibiaClient, table: Table, options: ImportOptions): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 200;
  const plan = planColumns(table.headers, options.standard);
  const converted = table.rows.map((r) => convertRow(plan, r.cells, options.siren, { acceptSuggestions: options.acceptSuggestions }));
  const where = (index: number) => ({ row: index + 1, ...(table.rows[index].line ? { line: table.rows[index].line } : {}) });
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  converted.forEach((c, i) => {
    errors.push(...c.errors.map(({ column, message }) => ({ ...where(i), column, message })));
    warnings.push(...c.warnings.map(({ column, message }) => ({ ...where(i), column, message })));
  });
  const report: ImportReport = {
    standard: plan.standard.id,
    rowCount: table.rows.length,
    errors,
    warnings,
    ignoredColumns: [...plan.ignored, ...plan.unknown],
    personalColumns: plan.personal,
    suggestions: converted.flatMap((c, i) => (c.suggestedThemes.length ? [{ row: i + 1, themes: c.suggestedThemes, applied: Boolean(options.acceptSuggestions) }] : [])),
    created: 0,
    updated: 0,
    unchanged: 0,
    ids: [],
    written: false,
  };
  if (table.rows.length === 0) {
    errors.push({ row: 0, column: '', message: 'le fichier n’a aucune ligne' });
    return report;
  }

  const batches = chunk(converted.map((c, i) => ({ c, i })), batchSize);
  const ids: string[] = [];
  let validated = 0;
  for (const batch of batches) {
    const result = await client.importAiTools({ siren: options.siren, rows: batch.map((b) => b.c.input), dryRun: true, publish: options.publish });
    const r = result.data.importAiTools;
    for (const e of r.errors) {
      const { c, i } = batch[e.row - 1];
      if (!duplicatesClientError(c, e.field)) errors.push({ ...where(i), ...registryError(c, e.field, e.message) });
    }
    ids.push(...r.ids);
    report.created += r.created;
    report.updated += r.updated;
    report.unchanged += r.unchanged;
    options.onProgress?.('validate', (validated += batch.length), table.rows.length);
  }
  if (errors.length === 0) {
    // One call checks slugs within itself; across calls, a repeated id would silently overwrite.
    const firstRow = new Map<string, number>();
    ids.forEach((id, i) => {
      const first = firstRow.get(id);
      if (first !== undefined) errors.push({ ...where(i), column: columnsOf(converted[i], 'slug'), message: `donne le même identifiant que la ligne ${first + 1} (${id})` });
      else firstRow.set(id, i);
    });
  }
  errors.sort((a, b) => a.row - b.row);
  report.ids = errors.length ? [] : ids;
  if (errors.length || options.dryRun) {
    if (errors.length) report.created = report.updated = report.unchanged = 0;
    return report;
  }

  report.created = report.updated = report.unchanged = 0;
  let written = 0;
  for (const batch of batches) {
    try {
      const r = (await client.importAiTools({ siren: options.siren, rows: batch.map((b) => b.c.input), dryRun: false, publish: options.publish })).data.importAiTools;
      report.created += r.created;
      report.updated += r.updated;
      report.unchanged += r.unchanged;
      if (r.created + r.updated > 0) report.written = true;
    } catch (err) {
      if (written === 0) throw err;
      throw new PartialImportError(written, err);
    }
    options.onProgress?.('write', (written += batch.length), table.rows.length);
  }
  return report;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The columns a field came from in a row, or the field name when it came from none. */
function columnsOf(c: ConvertedRow, field: string): string {
  const top = field.split('.')[0];
  return (c.sources.get(top) ?? (top === 'slug' ? c.sources.get('name') : undefined))?.join(' / ') ?? top;
}

/** A registry error about a field the row does not give gets a hint on the columns that would. */
function registryError(c: ConvertedRow, field: string, message: string): { column: string; message: string } {
  const top = field.split('.')[0];
  if (!c.sources.has(top) && field !== '(row)' && !(top === 'slug' && c.sources.has('name'))) {
    const hint = missingFieldHint(top);
    const detail = /received undefined/.test(message) ? '' : ` (${frenchMessage(message)})`;
    return { column: top, message: `manquant${hint ? ` : ${hint}` : ''}${detail}` };
  }
  const detail = field.includes('.') ? ` (${field})` : '';
  const value = c.input[top];
  const given = typeof value === 'string' || typeof value === 'number' ? ` : « ${String(value).slice(0, 60)}${String(value).length > 60 ? '…' : ''} »` : '';
  return { column: columnsOf(c, field), message: `${frenchMessage(message)}${detail}${given}` };
}

/**
 * Say each problem once: a cell the CLI already rejected reaches the registry as a missing
 * field, and a missing name also leaves the slug (derived from it) missing.
 */
function duplicatesClientError(c: ConvertedRow, field: string): boolean {
  const top = field.split('.')[0];
  if (top === 'slug' && !c.sources.has('slug') && !c.sources.has('name')) return true;
  return c.errors.some((e) => e.field === top);
}

export type { ColumnPlan };
