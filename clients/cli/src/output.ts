import Table from 'cli-table3';
import type { StaleMember, UnavailableMember } from '@bibia/sdk';
import { terminalJson, terminalText } from './format';
import type { CliIO } from './io';

type Cell = string | number | null | undefined;

/**
 * Prints rows as a plain table (no colours: output is often piped). Server texts are printed
 * through `terminalText`: no control or direction-override character reaches the terminal. `weights` share the
 * terminal's width between columns; a weight of 0 keeps a column whole (ids are copied).
 */
export function printTable(io: CliIO, head: string[], rows: Cell[][], weights?: number[]): void {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : terminalText(String(c)))));
  const table = new Table({
    head: head.map(terminalText),
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
    table.push({ [terminalText(k)]: typeof v === 'boolean' ? (v ? 'oui' : 'non') : terminalText(String(v)) });
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
  io.stdout(`${terminalJson(JSON.stringify(value, null, 2))}\n`);
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
    io.stderr(terminalText(`  - ${m.name ? `${m.name} (SIREN ${m.siren})` : `SIREN ${m.siren}`}: ${why}\n`));
  }
}

/**
 * Answers of the national index: say which members' data may be out of date (and since when), on
 * stderr, as for missing members.
 */
export function warnStale(io: CliIO, members: StaleMember[]): void {
  if (!members.length) return;
  const many = members.length > 1;
  io.stderr(`warning: the national index has not read ${members.length} member registr${many ? 'ies' : 'y'} recently; ${many ? 'their' : 'its'} data below may be out of date:\n`);
  for (const m of members) {
    const when = m.harvestedAt ? `last read ${m.harvestedAt.replace('T', ' ').replace(/\.\d+/, '').replace(/Z$/, ' UTC')}` : 'never read yet';
    io.stderr(terminalText(`  - ${m.name ? `${m.name} (SIREN ${m.siren})` : `SIREN ${m.siren}`}: ${when}\n`));
  }
}

/** Both notices of a national answer: members missing, then members out of date. */
export function warnPartial(io: CliIO, result: { unavailableMembers: UnavailableMember[]; staleMembers: StaleMember[] }): void {
  warnUnavailable(io, result.unavailableMembers);
  warnStale(io, result.staleMembers);
}
