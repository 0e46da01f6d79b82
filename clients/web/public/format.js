import { THEME_LABELS, STATUS_LABELS, RISK_LABELS, ALGORITHM_TYPE_LABELS, HOSTING_LABELS, REGION_NAMES, DEPARTEMENT_NAMES } from './labels.js';

/** What a value the publisher did not give reads as: never a default that reads as a statement. */
export const NOT_STATED = 'non renseigné';
export const labelText = (labels, v) => (v === null || v === undefined ? NOT_STATED : labels[v] || v);
export const yesNoText = (b) => (b === null || b === undefined ? NOT_STATED : b ? 'oui' : 'non');
export const themeText = (t) => THEME_LABELS[t] || t;
export const statusText = (s) => labelText(STATUS_LABELS, s);
export const riskText = (r) => labelText(RISK_LABELS, r);
export const algorithmText = (a) => labelText(ALGORITHM_TYPE_LABELS, a);
export const hostingText = (h) => labelText(HOSTING_LABELS, h);
export const regionText = (code) => (code ? REGION_NAMES[code] || code : '');
export const departementText = (code) => (code ? `${DEPARTEMENT_NAMES[code] || code} (${code})` : '');

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
/** `2024-03-01` or an ISO date-time, in French. */
export function dateText(value) {
  if (!value) return '';
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? value : DATE.format(d);
}

export const plural = (n, one, many) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

/** « Arras (Pas-de-Calais, 62) » from what the directory knows. */
export function collectiviteText(c) {
  if (!c) return '';
  const name = c.name || `SIREN ${c.siren}`;
  return c.departement ? `${name} (${c.departement})` : name;
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
/** A date-time in French, in the reader's time zone: « 12 mars 2025 à 10:15 ». */
export function dateTimeText(value) {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : DATE_TIME.format(d);
}

/** When the national index last read a member: « lu le 12 mars 2025 à 10:15 », or never. */
export const harvestText = (harvestedAt) => (harvestedAt ? `lu le ${dateTimeText(harvestedAt)}` : 'jamais lu');
