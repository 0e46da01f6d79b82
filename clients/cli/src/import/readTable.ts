import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse, CsvError } from 'csv-parse/sync';

/** A file of rows: its headers, and per row its cells aligned with them. */
export interface Table {
  format: 'csv' | 'json';
  headers: string[];
  /** `line`: where the row starts in a CSV file (the header is line 1); absent for JSON. */
  rows: { line?: number; cells: unknown[] }[];
  /** CSV only: the separator found. */
  delimiter?: string;
}

/** A file that cannot be read as rows: the reason, and the line when known. */
export class InvalidFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `, line ${line}` : ''}: ${reason}`);
  }
}

/** Reads a CSV (`;` or `,`, UTF-8 with or without BOM) or JSON (array of objects) file. */
export function readTable(file: string): Table {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (err) {
    throw new InvalidFileError(file, `cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const text = decodeUtf8(file, buffer);
  const ext = path.extname(file).toLowerCase();
  const isJson = ext === '.json' || (ext !== '.csv' && /^\s*\[/.test(text));
  return isJson ? readJson(file, text) : readCsv(file, text);
}

function decodeUtf8(file: string, buffer: Buffer): string {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return decoder.decode(buffer);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= buffer.length; i++) {
      if (i === buffer.length || buffer[i] === 0x0a) {
        try {
          decoder.decode(buffer.subarray(start, i));
        } catch {
          break;
        }
        line++;
        start = i + 1;
      }
    }
    throw new InvalidFileError(file, 'is not UTF-8 text (save it as "CSV UTF-8")', line);
  }
}

/** The separator of the header line: `;` when it has more of them than `,` (outside quotes). */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  if (count('\t') > Math.max(count(';'), count(','))) return '\t';
  return count(';') > count(',') ? ';' : ',';
}

function readCsv(file: string, original: string): Table {
  // One line ending, so that csv-parse counts lines as editors do and cells get plain \n.
  const text = original.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new InvalidFileError(file, 'is empty');
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { delimiter, info: true, raw: true, skip_empty_lines: true, relax_quotes: false }) as never;
  } catch (err) {
    if (err instanceof CsvError) {
      const e = err as CsvError & { lines?: number; raw?: string };
      const line = e.lines === undefined ? undefined : startLine(e.lines, e.raw ?? '');
      throw new InvalidFileError(file, `not valid CSV: ${e.message.replace(/ on line \d+$/, '').replace(/ at line \d+$/, '')}`, line);
    }
    throw err;
  }
  const [header, ...rest] = records;
  const headers = header.record.map((h) => h.trim());
  if (headers.every((h) => h === '')) throw new InvalidFileError(file, 'has no header line', 1);
  return {
    format: 'csv',
    delimiter,
    headers,
    rows: rest
      .filter((r) => r.record.some((c) => c.trim() !== ''))
      .map((r) => ({ line: startLine(r.info.lines, r.raw), cells: r.record })),
  };
}

/** csv-parse counts the line where a record ends; a quoted cell may span several. */
function startLine(endLine: number, raw: string): number {
  return endLine - (raw.replace(/^\n+|\n$/g, '').match(/\n/g)?.length ?? 0);
}

function readJson(file: string, text: string): Table {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InvalidFileError(file, `not valid JSON: ${firstLine((err as Error).message)}`, jsonErrorLine(text));
  }
  // A register's export often wraps its records: `{"meta": {...}, "records": [...]}`.
  if (!Array.isArray(data) && data && typeof data === 'object') {
    const lists = Object.values(data).filter((v) => Array.isArray(v) && v.length > 0 && v.every((r) => r && typeof r === 'object' && !Array.isArray(r)));
    if (lists.length === 1) data = lists[0];
  }
  if (!Array.isArray(data)) throw new InvalidFileError(file, 'must be a JSON array of rows (objects), or an object holding one such array');
  const headers: string[] = [];
  data.forEach((row, i) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw new InvalidFileError(file, `row ${i + 1} is not an object`);
    for (const k of Object.keys(row)) if (!headers.includes(k)) headers.push(k);
  });
  return { format: 'json', headers, rows: data.map((row) => ({ cells: headers.map((h) => (row as Record<string, unknown>)[h]) })) };
}

const firstLine = (message: string) => message.split('\n')[0].replace(/ in JSON at position \d+.*$/, '').replace(/, "[^"]*$/, '');

/**
 * Node's JSON.parse does not always say where it failed; compiling the text as a JavaScript
 * expression (never running it) does, and JSON syntax errors are JavaScript ones.
 */
function jsonErrorLine(text: string): number | undefined {
  try {
    new vm.Script(`0,${text.replace(/^\uFEFF/, '')}`, { filename: 'json' });
  } catch (err) {
    const m = /^json:(\d+)/.exec(String((err as Error).stack));
    if (m) return Number(m[1]);
  }
  return undefined;
}
