import { ENUM_LABELS } from '@bibia/sdk';
import { FIELD_KINDS, STANDARDS, type ColumnSpec, type EnumName, type Standard, type StandardId, type ToolField } from './columns';

/** Compares names and values on letters and digits only: `Nom de l'algorithme` = `nom_de_l’algorithme`. */
export function key(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Spellings accepted besides the enum names and their French labels. */
const EXTRA_VALUES: Partial<Record<EnumName, Record<string, string>>> = {
  ImpactAssessmentType: { AIPD: 'DPIA', AIA: 'ALGORITHMIC_IMPACT', IAMA: 'ALGORITHMIC_IMPACT', FRAIA: 'FRIA' },
};

export interface Vocabulary {
  /** The BibIA value; `null` for a known value with no equivalent; `undefined` when unknown. */
  lookup(value: string): string | null | undefined;
  /** The enum's own values, for error messages. */
  values: string[];
}

function buildVocabulary(name: EnumName): Vocabulary {
  const labels = ENUM_LABELS[name] as Record<string, string>;
  const map = new Map<string, string | null>();
  const add = (spelling: string, value: string | null) => {
    if (!map.has(key(spelling))) map.set(key(spelling), value);
  };
  for (const [value, label] of Object.entries(labels)) {
    add(value, value);
    add(label, value);
  }
  for (const [spelling, value] of Object.entries(EXTRA_VALUES[name] ?? {})) add(spelling, value);
  for (const standard of STANDARDS) {
    for (const c of standard.columns) {
      if (!c.values || !c.field || c.field === 'id' || FIELD_KINDS[c.field].enum !== name) continue;
      for (const [spelling, value] of Object.entries(c.values)) add(spelling, value);
    }
  }
  return { lookup: (v) => (map.has(key(v)) ? map.get(key(v)) : undefined), values: Object.keys(labels) };
}

const vocabularies = new Map<EnumName, Vocabulary>();

export function vocabularyOf(name: EnumName): Vocabulary {
  let v = vocabularies.get(name);
  if (!v) vocabularies.set(name, (v = buildVocabulary(name)));
  return v;
}

export interface KnownColumn {
  standard: Standard;
  spec: ColumnSpec;
}

const headerIndexes = new Map<Standard, Map<string, ColumnSpec>>();

function indexOf(standard: Standard): Map<string, ColumnSpec> {
  let index = headerIndexes.get(standard);
  if (!index) {
    index = new Map();
    for (const spec of standard.columns) for (const name of [spec.header, ...(spec.aliases ?? [])]) if (!index.has(key(name))) index.set(key(name), spec);
    headerIndexes.set(standard, index);
  }
  return index;
}

/**
 * The column a header names: in the file's standard first (its `type` or `id` mean what that
 * standard says), then BibIA's own names, then any other standard.
 */
export function columnFor(header: string, first: Standard = STANDARDS[0]): KnownColumn | undefined {
  for (const standard of [first, ...STANDARDS.filter((s) => s !== first)]) {
    const spec = indexOf(standard).get(key(header));
    if (spec) return { standard, spec };
  }
  return undefined;
}

/**
 * The standard a file follows: the one that names most of its headers (BibIA's own on a tie, then
 * the order of STANDARDS); `forced` when the clerk says so.
 */
export function detectStandard(headers: string[], forced?: StandardId): Standard {
  if (forced) {
    const standard = STANDARDS.find((s) => s.id === forced);
    if (!standard) throw new Error(`unknown standard ${forced}`);
    return standard;
  }
  let best = STANDARDS[0];
  let bestScore = -1;
  for (const standard of STANDARDS) {
    const index = indexOf(standard);
    const score = headers.filter((h) => index.has(key(h))).length;
    if (score > bestScore) [best, bestScore] = [standard, score];
  }
  return best;
}

/** Every header and alias that fills `field`, for "add a column" hints. */
export function headersFor(field: ToolField): string[] {
  const all = STANDARDS.flatMap((s) => s.columns.filter((c) => c.field === field).flatMap((c) => [c.header, ...(c.aliases ?? [])]));
  return all.filter((h, i) => all.findIndex((x) => key(x) === key(h)) === i);
}
