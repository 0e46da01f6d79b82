import { ENUM_LABELS } from '@bibia/sdk';
import { FIELD_KINDS, STANDARDS, type ColumnSpec, type Standard } from './columns';

/** docs/import-columns.md, written from the column tables of the import (a test keeps it equal). */
export function renderColumnsDoc(): string {
  const lines = [
    '# Import columns',
    '',
    '<!-- Generated from clients/cli/src/import/columns.ts by `node clients/cli/bin/columns-doc.js`; a test fails when it differs. -->',
    '',
    '`bibia import <file> --siren <siren>` reads CSV (`;` or `,`, UTF-8 with or without BOM) or JSON',
    '(an array of objects). Each row becomes one tool (`AiToolInput`); rows are matched to existing',
    'tools by slug (derived from the name when there is no `slug` or `id` column).',
    '',
    'Column names are compared on letters and digits only, ignoring case and accents:',
    '`Nom de l’algorithme`, `nom_de_l_algorithme` and `NOM DE L\'ALGORITHME` are the same column.',
    'One file may mix columns of the three tables below. A column that no table knows is an error',
    '(listed by `--dry-run`); a column of a standard with no BibIA equivalent is ignored with a warning.',
    '',
    '**Values.** Empty cells are left out (the defaults apply). Enumerations take the BibIA value',
    '(`OPERATIONAL`, case and `-`/`_` ignored), its French label (`En service`, see [Values](#values))',
    'or a value of the standards below. Lists (`themes`) are separated by `|` or `,`. Booleans are',
    '`oui`/`non`, `true`/`false`, `1`/`0`. Dates are `YYYY-MM-DD` or `DD/MM/YYYY`. When several columns',
    'fill one text field (e.g. Eurocities `human_intervention` and `objection_procedure`), their texts',
    'are joined, each after its heading.',
    '',
  ];
  for (const standard of STANDARDS) lines.push(...standardSection(standard));
  lines.push('## Values', '', 'French labels accepted for each enumeration (and shown by `bibia` and the catalogue page).', '');
  const enums = [...new Set(Object.values(FIELD_KINDS).map((k) => k.enum).filter((e) => e !== undefined))];
  for (const name of enums) {
    lines.push(`### ${name}`, '', '| value | French label |', '|---|---|');
    for (const [value, label] of Object.entries(ENUM_LABELS[name] as Record<string, string>)) lines.push(`| \`${value}\` | ${label} |`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function standardSection(standard: Standard): string[] {
  const rows = standard.columns.map((c) => `| ${code(c.header)} | ${(c.aliases ?? []).map(code).join(', ')} | ${fieldText(c)} | ${valuesText(c)} | ${noteText(c)} |`);
  return [
    `## ${standard.title}`,
    '',
    `Source: ${standard.source}.`,
    '',
    '| column | also accepted | BibIA field | values | notes |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ];
}

const code = (s: string) => `\`${s.replace(/\|/g, '\\|')}\``;

function fieldText(c: ColumnSpec): string {
  if (c.field === null) return c.readOnly ? '(read-only)' : '— (ignored)';
  if (c.field === 'id') return '`slug` (from the id)';
  if (c.dataSourceName) return `\`dataSources\`: one source named “${c.dataSourceName}”`;
  if (c.impactAssessment) return `\`impactAssessments\`: type \`${c.impactAssessment}\``;
  return `\`${c.field}\``;
}

function valuesText(c: ColumnSpec): string {
  if (!c.values) return '';
  const byTarget = new Map<string, string[]>();
  for (const [from, to] of Object.entries(c.values)) byTarget.set(to ?? 'no equivalent (error)', [...(byTarget.get(to ?? 'no equivalent (error)') ?? []), from]);
  return [...byTarget].map(([to, froms]) => `${froms.map((f) => `“${f}”`).join(', ')} → ${to.startsWith('no ') ? to : `\`${to}\``}`).join('; ');
}

function noteText(c: ColumnSpec): string {
  const parts = [c.heading ? `Heading when joined: “${c.heading}”.` : '', c.note ?? ''].filter(Boolean);
  return parts.join(' ').replace(/\|/g, '\\|');
}
