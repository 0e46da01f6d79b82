import { FIELD_KINDS, type ColumnSpec, type ToolField } from './columns';
import { columnFor, headersFor, vocabularyOf, type KnownColumn } from './vocabulary';

/** The columns of a file, read once: what each header means. */
export interface ColumnPlan {
  headers: string[];
  /** Per header position: the known column, or undefined. */
  known: (KnownColumn | undefined)[];
  /** Headers no standard defines (errors). */
  unknown: string[];
  /** Known headers with no BibIA equivalent (ignored, with a warning). */
  ignored: string[];
}

export function planColumns(headers: string[]): ColumnPlan {
  const known = headers.map((h) => (h.trim() === '' ? undefined : columnFor(h)));
  return {
    headers,
    known,
    unknown: headers.filter((h, i) => !known[i] && h.trim() !== ''),
    ignored: headers.filter((_, i) => known[i] && known[i]!.spec.field === null && !known[i]!.spec.readOnly),
  };
}

/** One problem in one cell (or one row when `column` is empty). */
export interface CellError {
  column: string;
  /** The field the column fills. */
  field: string;
  message: string;
}

export interface ConvertedRow {
  /** The row as `importAiTools` takes it (fields of AiToolInput). */
  input: Record<string, unknown>;
  errors: CellError[];
  /** The headers each field came from, to name columns in the registry's errors. */
  sources: Map<string, string[]>;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const BOOLEANS: Record<string, boolean> = { oui: true, non: false, true: true, false: false, '1': true, '0': false, yes: true, no: false, vrai: true, faux: false };

/** Converts one row of cells (aligned with `plan.headers`) into an import row. */
export function convertRow(plan: ColumnPlan, cells: unknown[], siren: string): ConvertedRow {
  const input: Record<string, unknown> = {};
  const errors: CellError[] = [];
  const sources = new Map<string, string[]>();
  const texts = new Map<ToolField, { header: string; spec: ColumnSpec; text: string }[]>();
  const unmapped: { header: string; value: string }[] = [];
  let idSlug: { header: string; slug: string } | undefined;

  const setOnce = (field: ToolField, header: string, value: unknown) => {
    const previous = sources.get(field);
    if (field in input && JSON.stringify(input[field]) !== JSON.stringify(value)) {
      errors.push({ column: header, field, message: `disagrees with column "${previous?.[0]}"` });
      return;
    }
    input[field] = value;
    sources.set(field, [...(previous ?? []), header]);
  };
  const append = (field: ToolField, header: string, values: unknown[]) => {
    input[field] = [...((input[field] as unknown[]) ?? []), ...values];
    sources.set(field, [...(sources.get(field) ?? []), header]);
  };

  plan.headers.forEach((header, i) => {
    const known = plan.known[i];
    const cell = cells[i];
    if (!known || known.spec.field === null || isEmpty(cell)) return;
    const { spec } = known;
    const fail = (message: string) => errors.push({ column: header, field: spec.field === 'id' ? 'slug' : String(spec.field), message });
    if (spec.field === 'id') {
      const m = /^(\d{9}):([a-z0-9-]+)$/.exec(String(cell).trim());
      if (!m) return fail(`"${cell}" is not a BibIA id (<siren>:<slug>)`);
      if (m[1] !== siren) return fail(`${cell} belongs to the collectivité ${m[1]}, not ${siren}`);
      idSlug = { header, slug: m[2] };
      return;
    }
    const field = spec.field;
    if (field === null) return;
    const { kind, enum: enumName } = FIELD_KINDS[field];
    const text = typeof cell === 'string' ? cell.trim() : cell;
    switch (kind) {
      case 'text': {
        if (typeof text === 'object') return fail('must be text');
        texts.set(field, [...(texts.get(field) ?? []), { header, spec, text: String(text) }]);
        return;
      }
      case 'integer': {
        const n = typeof text === 'number' ? text : Number(String(text).replace(/[\s\u00a0\u202f]/g, ''));
        if (!Number.isInteger(n)) return fail(`"${cell}" is not a whole number`);
        return setOnce(field, header, n);
      }
      case 'boolean': {
        const b = typeof text === 'boolean' ? text : BOOLEANS[String(text).toLowerCase()];
        if (b === undefined) return fail(`"${cell}" is not oui/non, true/false or 1/0`);
        return setOnce(field, header, b);
      }
      case 'date':
        return setOnce(field, header, toIsoDate(String(text)));
      case 'enum': {
        const value = lookup(enumName!, String(text), spec, fail);
        if (value) setOnce(field, header, value);
        return;
      }
      case 'enumList': {
        const values: string[] = [];
        for (const item of Array.isArray(text) ? text.map(String) : splitList(String(text), (v) => vocabularyOf(enumName!).lookup(v) !== undefined)) {
          const value = lookup(enumName!, item, spec, fail, () => unmapped.push({ header, value: item }));
          if (value && !values.includes(value) && !((input[field] as string[] | undefined) ?? []).includes(value)) values.push(value);
        }
        return append(field, header, values);
      }
      case 'dataSources': {
        if (spec.dataSourceName) return append(field, header, [{ name: spec.dataSourceName, description: String(text) }]);
        const items = parseItems(text, fail);
        if (items) append(field, header, items.map((item) => (typeof item === 'string' ? dataSourceFrom(item) : item)));
        return;
      }
      case 'impactAssessments': {
        if (spec.impactAssessment) {
          const list = (input[field] as Record<string, unknown>[] | undefined) ?? [];
          const entry = list.find((a) => a.type === spec.impactAssessment) ?? { type: spec.impactAssessment };
          if (/^https?:\/\//i.test(String(text))) entry.url = String(text);
          if (!list.includes(entry)) append(field, header, [entry]);
          else sources.set(field, [...(sources.get(field) ?? []), header]);
          return;
        }
        const items = parseItems(text, fail);
        if (items) {
          const entries = items.map((item) => (typeof item === 'string' ? assessmentFrom(item, fail) : item)).filter((e) => e !== undefined);
          append(field, header, entries);
        }
        return;
      }
    }
  });

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
    if (input.slug !== undefined && input.slug !== idSlug.slug) errors.push({ column: idSlug.header, field: 'slug', message: `disagrees with column "${sources.get('slug')?.[0]}"` });
    else setOnce('slug', idSlug.header, idSlug.slug);
  }
  if (unmapped.length && !((input.themes as unknown[] | undefined) ?? []).length) {
    for (const u of unmapped) errors.push({ column: u.header, field: 'themes', message: `"${u.value}" has no BibIA theme: add a themes column (${vocabularyOf('Theme').values.slice(0, 3).join(', ')}...)` });
  }
  if (Array.isArray(input.themes) && input.themes.length === 0) delete input.themes;
  return { input, errors, sources };
}

/** `undefined` (with an error) for an unknown value; `null` for a value with no equivalent. */
function lookup(enumName: Parameters<typeof vocabularyOf>[0], value: string, spec: ColumnSpec, fail: (m: string) => void, onNull?: () => void): string | null | undefined {
  const vocabulary = vocabularyOf(enumName);
  const found = vocabulary.lookup(value);
  if (found === undefined) {
    const own = spec.values ? ` or ${Object.keys(spec.values).join(', ')}` : '';
    fail(`"${value}" is not a known value: use one of ${vocabulary.values.join(', ')}${own} (or their French labels)`);
  } else if (found === null) {
    if (onNull) onNull();
    else fail(`"${value}" has no equivalent in BibIA`);
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
    try {
      const parsed = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // reported below
    }
    fail('starts with "[" but is not a JSON array');
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
    fail(`"${first}" is not a kind of impact assessment: use one of ${vocabularyOf('ImpactAssessmentType').values.join(', ')} (or AIPD)`);
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
  return headers.length ? `add a column ${headers.slice(0, 4).map((h) => `"${h}"`).join(', ')}` : '';
}
