import { FIELD_KINDS, STANDARDS, type ColumnSpec, type Standard, type StandardId, type ToolField } from './columns';
import { convertRow, planColumns } from './convertRow';

/** The fields of a tool as `bibia export` has them (those of AiToolInput). */
export type ToolValues = Partial<Record<ToolField, unknown>>;

const IGNORED: ToolField[] = ['slug', 'source', 'sourceExtra'];

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function canonical(value: unknown): string {
  if (isEmpty(value)) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => !isEmpty(v)).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${k}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function standardById(id: string): Standard | undefined {
  return STANDARDS.find((s) => s.id === id);
}

/** The column a standard writes a field to, and the spelling of a value in it. */
function columnOf(standard: Standard, field: ToolField): ColumnSpec | undefined {
  const candidates = standard.columns.filter((c) => c.field === field && !c.fallback && !c.dataSourceName && !c.impactAssessment);
  return candidates.find((c) => !c.heading) ?? candidates[0];
}

function spell(spec: ColumnSpec, value: unknown): unknown {
  const own = (v: unknown) => (spec.values ? (Object.entries(spec.values).find(([, to]) => to === v)?.[0] ?? v) : v);
  if (Array.isArray(value) && FIELD_KINDS[spec.field as ToolField]?.kind === 'enumList') return value.map(own);
  return FIELD_KINDS[spec.field as ToolField]?.kind === 'enum' ? own(value) : value;
}

/**
 * A tool as a record of a register's standard. A tool imported from that register starts from
 * the record as published (kept in `sourceExtra`): each field still equal to what the import
 * made of it keeps its original wording, so an unchanged tool gives back exactly what was
 * imported; a field changed since is written in the standard's column, in its own words.
 */
export function toStandardRecord(tool: ToolValues, standardId: StandardId, siren: string): Record<string, unknown> {
  const standard = standardById(standardId)!;
  const published = tool.source === standard.register && tool.sourceExtra && typeof tool.sourceExtra === 'object' ? (tool.sourceExtra as Record<string, unknown>) : null;
  const record: Record<string, unknown> = { ...(published ?? {}) };
  let imported: { input: Record<string, unknown>; sources: Map<string, string[]> } = { input: {}, sources: new Map() };
  if (published) {
    const headers = Object.keys(published);
    imported = convertRow(planColumns(headers, standard.id), headers.map((h) => published[h]), siren);
  }
  for (const field of Object.keys(FIELD_KINDS) as ToolField[]) {
    if (IGNORED.includes(field)) continue;
    const current = tool[field];
    if (published && canonical(imported.input[field]) === canonical(current)) continue;
    const spec = columnOf(standard, field);
    if (!spec) continue;
    for (const header of imported.sources.get(field) ?? []) delete record[header];
    if (!isEmpty(current)) record[spec.header] = spell(spec, current);
  }
  // The standard's column order (a database keeps the keys of sourceExtra in its own order).
  const position = (h: string) => {
    const i = standard.columns.findIndex((c) => c.header === h);
    return i < 0 ? standard.columns.length : i;
  };
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => position(a) - position(b)));
}
