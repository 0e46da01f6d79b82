import fs from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { AiToolFilter, ExportAiToolsQuery, StaleMember, UnavailableMember } from '@bibia/sdk';
import type { CommandRunner } from '../context';
import { invalidInput } from '../errors';
import { FIELD_KINDS, STANDARDS, type ToolField } from '../import/columns';
import { standardById, toStandardRecord } from '../import/toStandard';
import { enumListOption } from '../options';
import { warnPartial } from '../output';
import { addFilterOptions, filterFrom, type FilterOptions } from './search';

type ExportedTool = ExportAiToolsQuery['aiTools']['edges'][number]['node'];

/** Columns of an export: the stable id first, the input fields (re-importable), then read-only ones. */
export const EXPORT_COLUMNS = ['id', ...(Object.keys(FIELD_KINDS) as ToolField[]).filter((f) => f !== 'slug'), 'state', 'version', 'updatedAt', 'publishedAt', 'collectivite'];

/** One tool as a flat record with the import's column names. */
export function exportRecord(t: ExportedTool): Record<string, unknown> {
  return {
    id: t.id,
    name: t.name,
    summary: t.summary,
    description: t.description,
    purpose: t.purpose,
    department: t.department,
    themes: t.themes,
    status: t.status,
    startDate: t.startDate,
    endDate: t.endDate,
    algorithmType: t.algorithmType,
    riskLevel: t.riskLevel,
    aiActRole: t.aiActRole,
    automationLevel: t.automationLevel,
    individualDecisions: t.individualDecisions,
    decisionsPerYear: t.decisionsPerYear,
    affectedPublic: t.affectedPublic,
    humanOversight: t.humanOversight,
    dataSources: t.dataSources,
    legalBasis: t.legalBasis,
    impactAssessments: t.impactAssessments.map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== null))),
    hosting: t.hosting,
    hostingDetails: t.hostingDetails,
    providerName: t.provider?.name ?? null,
    providerSiren: t.provider?.siren ?? null,
    productId: t.product?.id ?? null,
    openSource: t.openSource,
    sourceCodeUrl: t.sourceCodeUrl,
    licence: t.licence,
    contactEmail: t.contactEmail,
    websiteUrl: t.websiteUrl,
    source: t.source,
    externalId: t.externalId,
    sourceExtra: t.sourceExtra,
    state: t.state,
    version: t.version,
    updatedAt: t.updatedAt,
    publishedAt: t.publishedAt,
    collectivite: t.collectivite.siren,
  };
}

/** A CSV cell: lists of values joined with |, lists of objects as JSON (the import reads both). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? value.join('|') : value.length ? JSON.stringify(value) : '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function registerExport(program: Command, run: CommandRunner): void {
  addFilterOptions(
    program
      .command('export')
      .description("Export tools (one collectivité's registry, or a search) to CSV or JSON, every page followed; the id column comes first."),
  )
    .option('--search <text>', 'French full-text search')
    .option('--state <states>', 'publication states (DRAFT, PUBLISHED, WITHDRAWN, ARCHIVED; other than PUBLISHED needs a publisher token)', enumListOption('PublicationState', '--state'))
    .option('--format <format>', `csv or json (BibIA's columns), or <standard>:csv / <standard>:json, a register's own format (${STANDARDS.filter((st) => st.register).map((st) => st.id).join(', ')})`, 'csv')
    .option('--separator <char>', 'CSV separator: , or ;', ',')
    .option('--output <file>', 'write to this file (default: standard output)')
    .addHelpText('after', '\nThe file can be imported again with `bibia import` (the id column gives the slug): export, edit, import.')
    .action((_o, cmd: Command) =>
      run(cmd, async (ctx) => {
        const o = cmd.opts<FilterOptions & { search?: string; state?: string[]; format: string; separator: string; output?: string }>();
        if (!o.siren && !o.search) throw invalidInput('say what to export: --siren <siren> (a registry) or --search <text>');
        const [standardId, fileType] = o.format.includes(':') ? o.format.split(':', 2) : [null, o.format];
        if (fileType !== 'csv' && fileType !== 'json') throw invalidInput('--format must be csv, json, <standard>:csv or <standard>:json');
        const standard = standardId === null ? null : standardById(standardId);
        if (standardId !== null && !standard?.register) throw invalidInput(`--format: "${standardId}" is not one of ${STANDARDS.filter((st) => st.register).map((st) => st.id).join(', ')}`);
        if (o.separator !== ',' && o.separator !== ';') throw invalidInput('--separator must be , or ;');
        const filter: AiToolFilter = { ...filterFrom(o.search, o), ...(o.state?.length ? { states: o.state as AiToolFilter['states'] } : {}) };
        const unavailable: UnavailableMember[] = [];
        const stale: StaleMember[] = [];
        const records: Record<string, unknown>[] = [];
        for await (const tool of ctx.client.allAiTools(filter, unavailable, stale)) {
          const record = exportRecord(tool);
          records.push(standard ? toStandardRecord(record, standard.id, tool.collectivite.siren) : record);
        }
        warnPartial(ctx.io, { unavailableMembers: unavailable, staleMembers: stale });
        const columns = standard ? [...new Set(records.flatMap((r) => Object.keys(r)))] : EXPORT_COLUMNS;
        const text =
          fileType === 'json'
            ? `${JSON.stringify(records, null, 2)}\n`
            : stringify(records.map((r) => columns.map((c) => csvCell(r[c]))), { header: true, columns, delimiter: o.separator, bom: false });
        if (o.output) {
          fs.writeFileSync(o.output, text);
          ctx.io.stderr(`Exported ${records.length} tool${records.length > 1 ? 's' : ''} to ${o.output}.\n`);
        } else ctx.io.stdout(text);
      }),
    );
}
