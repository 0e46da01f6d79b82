import Table from 'cli-table3';
import type { UnavailableMember } from '@bibia/sdk';
import type { CliIO } from './io';

type Cell = string | number | null | undefined;

/**
 * Prints rows as a plain table (no colours: output is often piped). `weights` share the
 * terminal's width between columns; a weight of 0 keeps a column whole (ids are copied).
 */
export function printTable(io: CliIO, head: string[], rows: Cell[][], weights?: number[]): void {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const table = new Table({
    head,
    style: { head: [], border: [], compact: true },
    wordWrap: true,
    wrapOnWordBoundary: true,
    ...(weights ? { colWidths: fitWidths(weights, io.columns ?? 120, [head, ...cells]) } : {}),
  });
  for (const r of cells) table.push(r);
  io.stdout(`${table.toString()}\n`);
}

/** A two-column "field: value" table. */
export function printRecord(io: CliIO, entries: [string, string | number | boolean | null | undefined][]): void {
  const table = new Table({ style: { head: [], border: [] }, wordWrap: true, colWidths: fitWidths([24, 80], io.columns ?? 120, []) });
  for (const [k, v] of entries) {
    if (v === null || v === undefined || v === '') continue;
    table.push({ [k]: typeof v === 'boolean' ? (v ? 'oui' : 'non') : String(v) });
  }
  io.stdout(`${table.toString()}\n`);
}

/** Column widths for a terminal of `total` characters (borders and padding take 3 a column). */
function fitWidths(weights: number[], total: number, rows: string[][]): number[] {
  const natural = weights.map((_, i) => Math.max(0, ...rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map((l) => l.length)))));
  const fixed = weights.reduce((sum, w, i) => sum + (w === 0 ? natural[i] : 0), 0);
  const available = Math.max(40, total - 1 - weights.length * 3 - fixed);
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const share = (w: number) => Math.max(6, Math.floor((w / sum) * available));
  // With rows known, a column never gets wider than its longest line.
  return weights.map((w, i) => (w === 0 ? natural[i] : rows.length ? Math.min(share(w), Math.max(6, natural[i])) : share(w)) + 2);
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

const REASONS: Record<string, string> = {
  timeout: 'did not answer in time',
  unreachable: 'could not be reached',
  http: 'answered with an HTTP error',
  'invalid answer': 'answered something that is not GraphQL',
};

/** Partial results: say which members are missing, on stderr so that stdout stays clean. */
export function warnUnavailable(io: CliIO, members: UnavailableMember[]): void {
  if (!members.length) return;
  io.stderr(`warning: ${members.length} member registr${members.length > 1 ? 'ies' : 'y'} did not answer; the results below are incomplete:\n`);
  for (const m of members) {
    const why = (m.reason && REASONS[m.reason]) ?? m.message;
    io.stderr(`  - ${m.name ? `${m.name} (SIREN ${m.siren})` : `SIREN ${m.siren}`}: ${why}\n`);
  }
}
