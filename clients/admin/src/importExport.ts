import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stringify } from 'csv-stringify/sync';
import { BibiaError, createBibiaClient, type BibiaClient } from '@bibia/sdk';
import { InvalidFileError, readTable, type Table } from '@bibia/cli/src/import/readTable';
import { importRows, PartialImportError, type ImportReport } from '@bibia/cli/src/import/importRows';
import { EXPORT_COLUMNS, csvCell, exportRecord } from '@bibia/cli/src/commands/exportCommand';
import { readBody, sendError, sendJson, SECURITY_HEADERS } from './httpHelpers';

/** A request to the import or export endpoint, once its session is checked. */
export interface SessionRequest {
  req: IncomingMessage;
  res: ServerResponse;
  siren: string;
  graphqlUrl: string;
  /** Headers that make the registry take a request as the session's. */
  headers: Record<string, string>;
}

/** Largest file accepted for import. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const ALL_STATES = ['DRAFT', 'PUBLISHED', 'WITHDRAWN', 'ARCHIVED'] as const;

/** One line of the dry-run table the page shows. */
export interface ProblemRow {
  row: number;
  line?: number;
  column: string;
  value: string;
  problem: string;
  suggestion: string;
}

const clientOf = (s: SessionRequest): BibiaClient => createBibiaClient({ url: s.graphqlUrl, headers: s.headers, retries: 0, persistedQueries: false });

/**
 * POST /admin/api/import?name=<file name>&dryRun=true|false&publish=…&acceptSuggestions=…, the
 * file as the body: the CLI's import (same columns, standards, checks and French messages), with
 * each problem as a table row: row, column, value, problem, suggestion.
 */
export async function handleImport(s: SessionRequest): Promise<void> {
  const { req, res } = s;
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Méthode non permise.', { allow: 'POST' });
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const name = path.basename(params.get('name') ?? 'fichier.csv');
  const ext = path.extname(name).toLowerCase();
  if (!['.csv', '.json', '.txt', '.xlsx'].includes(ext)) return sendError(res, 400, 'BAD_USER_INPUT', 'Format non reconnu : envoyez un fichier .csv, .json ou .xlsx.');
  const body = await readBody(req, MAX_IMPORT_BYTES);
  if (body === null) return sendError(res, 413, 'BAD_USER_INPUT', `Fichier trop volumineux (au plus ${MAX_IMPORT_BYTES / 1024 / 1024} Mo).`);
  let table: Table;
  try {
    table = ext === '.xlsx' ? await readXlsx(name, body) : readUploaded(name, body);
  } catch (err) {
    if (err instanceof InvalidFileError) return sendError(res, 400, 'INVALID_FILE', `Fichier illisible${err.line ? ` (ligne ${err.line})` : ''} : ${err.reason}.`);
    throw err;
  }
  const flag = (key: string) => params.get(key) === 'true';
  let report: ImportReport;
  try {
    report = await importRows(clientOf(s), table, { siren: s.siren, dryRun: flag('dryRun'), publish: flag('publish'), acceptSuggestions: flag('acceptSuggestions') });
  } catch (err) {
    if (err instanceof PartialImportError) return sendError(res, 500, 'PARTIAL_IMPORT', `Import interrompu : les ${err.writtenRows} premières lignes sont écrites. Relancez l’import : les lignes déjà écrites seront reconnues.`);
    if (err instanceof BibiaError) return sendError(res, 502, err.code, `Le registre a refusé l’import : ${err.message}`);
    throw err;
  }
  // The rows as read, so that the page can correct a cell and check again (sent back as JSON).
  sendJson(res, 200, { file: name, ...report, problems: problemRows(table, report), table: { headers: table.headers, rows: table.rows.map((r) => r.cells) } });
}

/** The CLI reads files from disk: the upload goes through a private temporary directory. */
function readUploaded(name: string, body: Buffer): Table {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-admin-import-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, body, { mode: 0o600 });
    return readTable(file);
  } catch (err) {
    if (err instanceof InvalidFileError) throw new InvalidFileError(name, err.reason, err.line);
    throw err;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The first sheet of an XLSX workbook as the CLI's table: the first row gives the headers, a
 * row's `line` is its row in the sheet; dates become YYYY-MM-DD, numbers and booleans stay typed
 * (as in a JSON file), empty cells are empty texts (as in a CSV file).
 */
export async function readXlsx(name: string, body: Buffer): Promise<Table> {
  let sheet: unknown[][];
  try {
    // An ES module, loaded when a workbook is first sent.
    const { readSheet } = await import('read-excel-file/node');
    sheet = await readSheet(body);
  } catch (err) {
    throw new InvalidFileError(name, `is not an XLSX workbook that can be read (${(err as Error).message})`);
  }
  const [header, ...rest] = sheet;
  const headers = (header ?? []).map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  if (headers.every((h) => h === '')) throw new InvalidFileError(name, 'has no header row', 1);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : v);
  return {
    format: 'csv',
    headers,
    rows: rest.flatMap((cells, i) => (cells.some((c) => c !== null && c !== '') ? [{ line: i + 2, cells: headers.map((_, j) => cell(cells[j])) }] : [])),
  };
}

/** Each error and warning as a row of the table, with the cell's value and a suggestion. */
export function problemRows(table: Table, report: ImportReport): ProblemRow[] {
  const valueOf = (row: number, column: string) => {
    const index = table.headers.indexOf(column);
    const cell = row > 0 && index >= 0 ? table.rows[row - 1]?.cells[index] : undefined;
    if (cell === undefined || cell === null) return '';
    return typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
  };
  const suggested = new Map(report.suggestions.map((sg) => [sg.row, sg]));
  const rows = [...report.errors, ...report.warnings].map((e) => {
    // "manquant : <hint>" — the hint says what to give.
    // The value has its own column: the message's copy of it (" : « … »") is left out.
    const message = e.message.replace(/ : « [^«»]*»$/, '');
    const [problem, hint] = message.startsWith('manquant : ') ? ['manquant', message.slice('manquant : '.length)] : [message, ''];
    const themes = e.column === 'themes' ? suggested.get(e.row) : undefined;
    return { row: e.row, line: e.line, column: e.column, value: valueOf(e.row, e.column), problem, suggestion: hint || (themes ? `thèmes suggérés : ${themes.themes.join(', ')}` : '') };
  });
  for (const sg of report.suggestions) {
    if (!rows.some((r) => r.row === sg.row && r.column === 'themes')) {
      rows.push({ row: sg.row, line: table.rows[sg.row - 1]?.line, column: 'themes', value: '', problem: 'aucun thème donné', suggestion: `thèmes suggérés : ${sg.themes.join(', ')}${sg.applied ? ' (appliqués)' : ''}` });
    }
  }
  return rows.sort((a, b) => a.row - b.row);
}

/** GET /admin/api/export?format=csv|json: every tool of the registry, drafts included, as `bibia export` writes them. */
export async function handleExport(s: SessionRequest): Promise<void> {
  const { req, res } = s;
  if (req.method !== 'GET') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Méthode non permise.', { allow: 'GET' });
  const format = new URL(req.url ?? '/', 'http://localhost').searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') return sendError(res, 400, 'BAD_USER_INPUT', 'Format d’export : csv ou json.');
  const records: Record<string, unknown>[] = [];
  for await (const tool of clientOf(s).allAiTools({ sirens: [s.siren], states: [...ALL_STATES] })) records.push(exportRecord(tool));
  const text =
    format === 'json'
      ? `${JSON.stringify(records, null, 2)}\n`
      : stringify(records.map((r) => EXPORT_COLUMNS.map((c) => csvCell(r[c]))), { header: true, columns: EXPORT_COLUMNS, delimiter: ';', bom: true });
  const file = `registre-${s.siren}-${new Date().toISOString().slice(0, 10)}.${format}`;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${file}"`,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
