import { FIELD_KINDS, STANDARDS, type ColumnSpec, type Standard, type StandardId, type ToolField } from './columns';
import { columnFor, detectStandard, headersFor, vocabularyOf, type KnownColumn } from './vocabulary';
import { cutText, htmlToText, plainText, TEXT_LIMITS } from './texts';
import { suggestThemes } from './suggestions';

/** The columns of a file, read once: its standard and what each header means. */
export interface ColumnPlan {
  headers: string[];
  standard: Standard;
  /** Per header position: the known column, or undefined. */
  known: (KnownColumn | undefined)[];
  /** Headers no standard defines: kept in `sourceExtra`, with one warning. */
  unknown: string[];
  /** Known headers with no BibIA field: kept in `sourceExtra`, with one warning. */
  ignored: string[];
  /** Columns holding personal data (a person's name or phone): neither stored nor kept. */
  personal: string[];
}

export function planColumns(headers: string[], forced?: StandardId): ColumnPlan {
  const standard = detectStandard(headers, forced);
  const known = headers.map((h) => (h.trim() === '' ? undefined : columnFor(h, standard)));
  const noHome = (i: number) => known[i] && known[i]!.spec.field === null && !known[i]!.spec.readOnly;
  return {
    headers,
    standard,
    known,
    unknown: headers.filter((h, i) => !known[i] && h.trim() !== ''),
    ignored: headers.filter((_, i) => noHome(i) && !known[i]!.spec.personal),
    personal: headers.filter((_, i) => noHome(i) && known[i]!.spec.personal),
  };
}

/** One problem (or, as a warning, one remark) on one cell. */
export interface CellError {
  column: string;
  /** The field the column fills. */
  field: string;
  message: string;
}

export interface ConvertedRow {
  /** The row as `importAiTools` takes it (fields of AiToolInput). */
  input: Record<string, unknown>;
  /** Cells refused: the row is not imported. */
  errors: CellError[];
  /** Cells of a register's file converted with a loss (value kept in `sourceExtra`): the row is imported. */
  warnings: CellError[];
  /** Themes guessed from the texts, applied only with `acceptSuggestions`. */
  suggestedThemes: string[];
  /** The headers each field came from, to name columns in the registry's errors. */
  sources: Map<string, string[]>;
}

export interface ConvertOptions {
  /** Apply the suggested themes to rows without any. @default false */
  acceptSuggestions?: boolean;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
const BOOLEANS: Record<string, boolean> = {
  oui: true, non: false, true: true, false: false, '1': true, '0': false, yes: true, no: false, vrai: true, faux: false, ja: true, nee: false, y: true, n: false,
};
const HTTP_URL = /^https?:\/\/[^\s/]+\.[^\s]+$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Converts one row of cells (aligned with `plan.headers`) into an import row. */
export function convertRow(plan: ColumnPlan, cells: unknown[], siren: string, options: ConvertOptions = {}): ConvertedRow {
  const strict = plan.standard.register === null;
  const input: Record<string, unknown> = {};
  const errors: CellError[] = [];
  const warnings: CellError[] = [];
  const sources = new Map<string, string[]>();
  const texts = new Map<ToolField, { header: string; spec: ColumnSpec; text: string }[]>();
  const unmapped: { header: string; value: string }[] = [];
  const extra: Record<string, unknown> = {};
  let idSlug: { header: string; slug: string } | undefined;

  const setOnce = (field: ToolField, header: string, value: unknown) => {
    const previous = sources.get(field);
    if (field in input && JSON.stringify(input[field]) !== JSON.stringify(value)) {
      errors.push({ column: header, field, message: `contredit la colonne « ${previous?.[0]} »` });
      return;
    }
    input[field] = value;
    sources.set(field, [...(previous ?? []), header]);
  };
  const append = (field: ToolField, header: string, values: unknown[]) => {
    input[field] = [...((input[field] as unknown[]) ?? []), ...values];
    sources.set(field, [...(sources.get(field) ?? []), header]);
  };

  // Cells are read in the order of the standard's columns, not of the file's: texts joined from
  // several columns come out the same whatever the order of the keys (jsonb does not keep it).
  const order = plan.headers.map((_, i) => i).sort((a, b) => rank(plan.known[a]) - rank(plan.known[b]));
  for (const i of order) {
    const header = plan.headers[i];
    const known = plan.known[i];
    const cell = cells[i];
    if (isEmpty(cell)) continue;
    // What the register published, as it published it (see sourceExtra), personal data aside.
    if (!known ? header.trim() !== '' : !known.spec.personal && !known.spec.readOnly && known.spec.field !== 'sourceExtra') {
      if (!strict || !known || known.spec.field === null) extra[header] = cell;
    }
    if (!known || known.spec.field === null) continue;
    const { spec } = known;
    const field = spec.field;
    if (field === null) continue;
    if (spec.fallback && field !== 'id' && (field in input || texts.has(field))) continue;
    const fieldName = field === 'id' ? 'slug' : field;
    const fail = (message: string) => (strict ? errors : warnings).push({ column: header, field: fieldName, message: strict ? message : `${message} ; valeur conservée dans sourceExtra` });
    if (field === 'id') {
      const m = /^(\d{9}):([a-z0-9-]+)$/.exec(String(cell).trim());
      if (!m) {
        fail(`« ${cell} » n’est pas un identifiant BibIA (<siren>:<slug>)`);
        continue;
      }
      if (m[1] !== siren) {
        errors.push({ column: header, field: 'slug', message: `${cell} appartient à la collectivité ${m[1]}, pas à ${siren}` });
        continue;
      }
      idSlug = { header, slug: m[2] };
      continue;
    }
    const { kind, enum: enumName } = FIELD_KINDS[field];
    const text = typeof cell === 'string' ? cell.trim() : cell;
    switch (kind) {
      case 'text': {
        if (typeof text === 'object') {
          fail('doit être un texte');
          continue;
        }
        const plain = strict ? plainText(String(text)) : htmlToText(String(text));
        if (field === 'externalId' && !strict && !/[\p{L}\p{N}].*[\p{L}\p{N}]/u.test(plain)) {
          fail(`« ${plain} » n’est pas un identifiant`);
          continue;
        }
        if (!strict && !checkFormat(field, plain, fail)) continue;
        texts.set(field, [...(texts.get(field) ?? []), { header, spec, text: plain }]);
        continue;
      }
      case 'json': {
        const value = typeof text === 'string' ? parseJsonObject(text) : text;
        if (!value || typeof value !== 'object' || Array.isArray(value)) errors.push({ column: header, field, message: 'doit être un objet JSON' });
        else setOnce(field, header, value);
        continue;
      }
      case 'integer': {
        const n = typeof text === 'number' ? text : Number(String(text).replace(/[\s\u00a0\u202f]/g, ''));
        if (!Number.isInteger(n)) fail(`« ${cell} » n’est pas un nombre entier`);
        else setOnce(field, header, n);
        continue;
      }
      case 'boolean': {
        const b = typeof text === 'boolean' ? text : BOOLEANS[String(text).toLowerCase()];
        if (b === undefined) fail(`« ${cell} » n’est pas oui/non (ja/nee, yes/no, true/false, 1/0)`);
        else setOnce(field, header, b);
        continue;
      }
      case 'date': {
        const date = toIsoDate(String(text));
        if (!strict && !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`« ${cell} » n’est pas une date au jour près (AAAA-MM-JJ ou JJ/MM/AAAA)`);
        else setOnce(field, header, date);
        continue;
      }
      case 'enum': {
        const value = lookup(enumName!, String(text), spec, fail);
        if (value) setOnce(field, header, value);
        continue;
      }
      case 'enumList': {
        const values: string[] = [];
        for (const item of Array.isArray(text) ? text.map(String) : splitList(String(text), (v) => valueOf(enumName!, v, spec) !== undefined)) {
          const value = lookup(enumName!, item, spec, fail, () => unmapped.push({ header, value: item }));
          if (value && !values.includes(value) && !((input[field] as string[] | undefined) ?? []).includes(value)) values.push(value);
        }
        append(field, header, values);
        continue;
      }
      case 'dataSources': {
        if (spec.dataSourceName) {
          const description = typeof text === 'string' ? cutText(htmlToText(text), 2000) : undefined;
          if (description === undefined) fail('doit être un texte');
          else append(field, header, [{ name: spec.dataSourceName, description: description.text }]);
          continue;
        }
        const items = parseItems(text, fail);
        if (items) append(field, header, items.map((item) => (typeof item === 'string' ? dataSourceFrom(item) : item)));
        continue;
      }
      case 'impactAssessments': {
        if (spec.impactAssessment) {
          const list = (input[field] as Record<string, unknown>[] | undefined) ?? [];
          const entry = list.find((a) => a.type === spec.impactAssessment) ?? { type: spec.impactAssessment };
          if (/^https?:\/\//i.test(String(text))) entry.url = String(text);
          if (!list.includes(entry)) append(field, header, [entry]);
          else sources.set(field, [...(sources.get(field) ?? []), header]);
          continue;
        }
        const items = parseItems(text, fail);
        if (items) append(field, header, items.map((item) => (typeof item === 'string' ? assessmentFrom(item, fail) : item)).filter((e) => e !== undefined));
        continue;
      }
    }
  }

  for (const [field, parts] of texts) {
    const joinable = parts.length > 1 && parts.some((p) => p.spec.heading);
    if (joinable) {
      input[field] = parts.map((p) => (p.spec.heading ? `${p.spec.heading} : ${p.text}` : p.text)).join('\n\n');
      sources.set(field, parts.map((p) => p.header));
    } else {
      for (const p of parts) setOnce(field, p.header, p.text);
    }
  }
  if (idSlug) {
    if (input.slug !== undefined && input.slug !== idSlug.slug) errors.push({ column: idSlug.header, field: 'slug', message: `contredit la colonne « ${sources.get('slug')?.[0]} »` });
    else setOnce('slug', idSlug.header, idSlug.slug);
  }
  if (!strict) fitTexts(input, sources, warnings);
  if (unmapped.length && !((input.themes as unknown[] | undefined) ?? []).length) {
    for (const u of unmapped) {
      const message = `« ${u.value} » n’a pas de thème BibIA équivalent`;
      if (strict) errors.push({ column: u.header, field: 'themes', message: `${message} : ajoutez une colonne themes (${vocabularyOf('Theme').values.slice(0, 3).join(', ')}...)` });
      else warnings.push({ column: u.header, field: 'themes', message: `${message} ; valeur conservée dans sourceExtra` });
    }
  }
  if (Array.isArray(input.themes) && input.themes.length === 0) delete input.themes;
  const suggestedThemes = input.themes ? [] : suggestThemes([input.name, input.department, input.summary, input.purpose].filter((t) => typeof t === 'string').join(' '));
  if (suggestedThemes.length && options.acceptSuggestions) {
    input.themes = suggestedThemes;
    sources.set('themes', ['(suggestion)']);
  }
  if (!strict) {
    input.source = plan.standard.register;
    if (Object.keys(extra).length) input.sourceExtra = extra;
  } else if (Object.keys(extra).length) {
    input.sourceExtra = { ...((input.sourceExtra as Record<string, unknown>) ?? {}), ...extra };
  }
  return { input, errors, warnings, suggestedThemes, sources };
}

/** Where a column comes in reading order: the fallback columns last. */
function rank(known: KnownColumn | undefined): number {
  if (!known) return Number.MAX_SAFE_INTEGER;
  return (known.spec.fallback ? 1_000_000 : 0) + STANDARDS.indexOf(known.standard) * 1000 + known.standard.columns.indexOf(known.spec);
}

/** URLs and emails of a register's file that are not one (a sentence, a bare domain) are kept aside rather than refused. */
function checkFormat(field: ToolField, value: string, fail: (m: string) => void): boolean {
  if ((field === 'websiteUrl' || field === 'sourceCodeUrl') && !HTTP_URL.test(value)) {
    fail(`« ${value.slice(0, 80)} » n’est pas une adresse http(s)`);
    return false;
  }
  if (field === 'contactEmail' && !EMAIL.test(value)) {
    fail(`« ${value.slice(0, 80)} » n’est pas une adresse électronique`);
    return false;
  }
  return true;
}

/** A register's texts longer than BibIA's limits are cut at a word (the whole text stays in `sourceExtra`). */
function fitTexts(input: Record<string, unknown>, sources: Map<string, string[]>, warnings: CellError[]): void {
  for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
    const value = input[field];
    if (typeof value !== 'string' || value.length <= limit) continue;
    input[field] = cutText(value, limit).text;
    warnings.push({
      column: (sources.get(field) ?? [field]).join(' / '),
      field,
      message: `${value.length} caractères, au plus ${limit} : texte coupé (l’original reste dans sourceExtra)`,
    });
  }
}

function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The column's own values first (a standard's words), then every known spelling. */
function valueOf(enumName: Parameters<typeof vocabularyOf>[0], value: string, spec: ColumnSpec): string | null | undefined {
  const own = spec.values ? Object.entries(spec.values).find(([k]) => normal(k) === normal(value)) : undefined;
  return own ? own[1] : vocabularyOf(enumName).lookup(value);
}

const normal = (v: string) => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** `undefined` (with an error) for an unknown value; `null` for a value with no equivalent. */
function lookup(enumName: Parameters<typeof vocabularyOf>[0], value: string, spec: ColumnSpec, fail: (m: string) => void, onNull?: () => void): string | null | undefined {
  const found = valueOf(enumName, value, spec);
  if (found === undefined) {
    const own = spec.values ? `, ${Object.keys(spec.values).join(', ')}` : '';
    fail(`« ${value} » n’est pas une valeur connue : valeurs admises ${vocabularyOf(enumName).values.join(', ')}${own} (ou leurs libellés français)`);
  } else if (found === null) {
    if (onNull) onNull();
    else fail(`« ${value} » n’a pas d’équivalent dans BibIA`);
  }
  return found;
}

/** Splits a multi-valued cell on `|`, or on `,` when the whole cell is not itself one value. */
function splitList(text: string, isValue: (v: string) => boolean = () => false): string[] {
  if (text.includes('|')) return text.split('|').map((s) => s.trim()).filter(Boolean);
  if (isValue(text)) return [text];
  return text.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
}

/** A list cell: a JSON array, a native array (JSON files), or items separated by `|`. */
function parseItems(value: unknown, fail: (m: string) => void): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  const text = String(value).trim();
  if (text.startsWith('[')) {
    const parsed = parseJsonObject(text);
    if (Array.isArray(parsed)) return parsed;
    fail('commence par « [ » mais n’est pas un tableau JSON');
    return undefined;
  }
  return text.split('|').map((s) => s.trim()).filter(Boolean);
}

const PERSONAL = /\(\s*données personnelles\s*\)/i;

function dataSourceFrom(item: string): Record<string, unknown> {
  const personalData = PERSONAL.test(item);
  const clean = item.replace(PERSONAL, '').trim();
  const at = clean.indexOf(':');
  const [name, description] = at > 0 ? [clean.slice(0, at).trim(), clean.slice(at + 1).trim()] : [clean, ''];
  return { name, ...(description ? { description } : {}), ...(personalData ? { personalData } : {}) };
}

function assessmentFrom(item: string, fail: (m: string) => void): Record<string, unknown> | undefined {
  const [first, ...rest] = item.split(/\s+/);
  const type = vocabularyOf('ImpactAssessmentType').lookup(first);
  if (!type) {
    fail(`« ${first} » n’est pas un type d’analyse d’impact : valeurs admises ${vocabularyOf('ImpactAssessmentType').values.join(', ')} (ou AIPD)`);
    return undefined;
  }
  const entry: Record<string, unknown> = { type };
  for (const token of rest) {
    if (/^https?:\/\//i.test(token)) entry.url = token;
    else entry.date = toIsoDate(token);
  }
  return entry;
}

/** `DD/MM/YYYY` → `YYYY-MM-DD`; anything else is left for the registry to judge. */
function toIsoDate(text: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text.trim();
}

/** Where to look when a required field is missing. */
export function missingFieldHint(field: string): string {
  const headers = headersFor(field as ToolField);
  return headers.length ? `ajoutez une colonne ${headers.slice(0, 4).map((h) => `« ${h} »`).join(', ')}` : '';
}
