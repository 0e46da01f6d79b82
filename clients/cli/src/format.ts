import { DEPARTEMENT_NAMES, REGION_NAMES, RISK_LABELS, STATUS_LABELS, THEME_LABELS, type RiskLevel, type Theme, type ToolStatus } from '@bibia/sdk';

/** What a value the publisher did not give reads as: never a default that reads as a statement. */
export const NOT_STATED = 'non renseigné';

/** The French label of an enum value, or "non renseigné" for null. */
export const labelText = <V extends string>(labels: Record<V, string>, v: V | null | undefined): string => (v ? (labels[v] ?? v) : NOT_STATED);
export const yesNoText = (b: boolean | null | undefined): string => (b === null || b === undefined ? NOT_STATED : b ? 'oui' : 'non');
export const themesText = (themes: readonly Theme[]) => (themes.length ? themes.map((t) => THEME_LABELS[t] ?? t).join(', ') : NOT_STATED);
export const statusText = (s: ToolStatus | null) => labelText(STATUS_LABELS, s);
export const riskText = (r: RiskLevel | null) => labelText(RISK_LABELS, r);
export const regionText = (code: string | null | undefined) => (code ? `${REGION_NAMES[code] ?? code} (${code})` : '');
export const departementText = (code: string) => `${DEPARTEMENT_NAMES[code] ?? code} (${code})`;

/**
 * Characters a server's text must not bring to a terminal (the hub's plain-text policy, as in
 * `plainText` of @bibia/core): C0 controls but tab and line feed (ESC starts a terminal escape),
 * DEL and C1 controls (U+009B is a one-character escape), bidi embeddings, overrides and isolates
 * (U+202E shows a text reversed), zero-width characters. Registries clean what they store; the
 * CLI does not rely on every server doing so.
 */
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A text from a server as it may be printed on a terminal: the characters above removed, CR folded. */
export const terminalText = (text: string): string => text.replace(/\r\n?/g, '\n').replace(TERMINAL_UNSAFE, '');

/** JSON output keeps the data: the characters above JSON leaves raw are written as `\uXXXX` escapes. */
export const terminalJson = (json: string): string =>
  json.replace(/[\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
