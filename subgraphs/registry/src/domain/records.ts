import { z } from 'zod';
import { isValidSiren, badInput } from '@bibia/kit';
import {
  AiActRole, AlgorithmType, AutomationLevel, Hosting, RiskLevel, Theme, ToolStatus, Visibility,
} from '../generated/prisma/enums';
import { SLUG_PATTERN } from './ids';

/**
 * The one validation of what a publisher sends, shared by the typed mutations and the bulk
 * import (whose rows are loosely typed so that every row's errors can be reported).
 * Texts are plain text: control characters other than line breaks and tabs are removed,
 * nothing is interpreted as markup.
 */
const text = (max: number) =>
  z.string().transform((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim())
    .pipe(z.string().max(max, `at most ${max} characters`));
const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'required'));
const optionalText = (max: number) => text(max).optional().default('');
const nullableText = (max: number) => text(max).nullish().transform((v) => (v ? v : null));

const httpUrl = z
  .string()
  .trim()
  .max(2000, 'at most 2000 characters')
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL such as https://www.exemple.fr/page');
const optionalUrl = httpUrl.nullish().transform((v) => v ?? null);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a real calendar date');
const optionalDate = isoDate.nullish().transform((v) => v ?? null);

const siren = z.string().trim().refine(isValidSiren, 'must be a SIREN: 9 digits with a valid check digit');
const enumOf = <T extends Readonly<Record<string, string>>>(e: T) =>
  z.enum(e, { message: `must be one of ${Object.values(e).join(', ')}` });

export const slugSchema = z.string().trim().regex(SLUG_PATTERN, 'must be 1-80 characters a-z, 0-9 and - (e.g. tri-courrier)');

const dataSource = z.object({
  name: requiredText(200),
  description: optionalText(2000),
  personalData: z.boolean().default(false),
}).strict();

const impactAssessment = z.object({
  type: z.enum(['DPIA', 'FRIA', 'ALGORITHMIC_IMPACT', 'OTHER'], { message: 'must be one of DPIA, FRIA, ALGORITHMIC_IMPACT, OTHER' }),
  date: optionalDate,
  url: optionalUrl,
}).strict();

export const toolRecordSchema = z.object({
  slug: slugSchema,
  name: requiredText(100),
  summary: requiredText(400),
  description: optionalText(20000),
  purpose: optionalText(4000),
  department: optionalText(200),
  themes: z.array(enumOf(Theme)).min(1, 'at least one theme').max(5, 'at most 5 themes')
    .refine((a) => new Set(a).size === a.length, 'themes must not repeat'),
  status: enumOf(ToolStatus),
  startDate: optionalDate,
  endDate: optionalDate,
  algorithmType: enumOf(AlgorithmType),
  riskLevel: enumOf(RiskLevel),
  aiActRole: enumOf(AiActRole).default('DEPLOYER'),
  automationLevel: enumOf(AutomationLevel).default('DECISION_SUPPORT'),
  individualDecisions: z.boolean().default(false),
  decisionsPerYear: z.number().int('must be a whole number').min(0).max(100_000_000).nullish().transform((v) => v ?? null),
  affectedPublic: optionalText(2000),
  humanOversight: optionalText(4000),
  dataSources: z.array(dataSource).max(50, 'at most 50 data sources').default([]),
  legalBasis: optionalText(2000),
  impactAssessments: z.array(impactAssessment).max(20, 'at most 20 impact assessments').default([]),
  hosting: enumOf(Hosting),
  hostingDetails: optionalText(1000),
  providerName: optionalText(200),
  providerSiren: siren.nullish().transform((v) => v ?? null),
  productId: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be a product id of the shared catalogue (a-z, 0-9, -)').nullish().transform((v) => v ?? null),
  openSource: z.boolean().default(false),
  sourceCodeUrl: optionalUrl,
  licence: nullableText(100),
  contactEmail: z.string().trim().max(254).email('must be an email address').nullish().transform((v) => v ?? null),
  websiteUrl: optionalUrl,
}).strict().superRefine((t, ctx) => {
  if (t.startDate && t.endDate && t.endDate < t.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before startDate' });
  }
});

export type ToolRecord = z.output<typeof toolRecordSchema>;

const indicator = z.object({
  name: requiredText(200),
  value: z.number({ message: 'must be a number' }).finite(),
  unit: optionalText(50),
}).strict();

export const reportRecordSchema = z.object({
  slug: slugSchema,
  title: requiredText(200),
  reportDate: isoDate,
  authorRole: optionalText(200),
  visibility: enumOf(Visibility).default('PUBLIC'),
  context: optionalText(20000),
  whatWasDone: optionalText(20000),
  results: optionalText(20000),
  indicators: z.array(indicator).max(50, 'at most 50 indicators').default([]),
  costs: optionalText(4000),
  lessons: optionalText(20000),
  ethics: optionalText(20000),
  staffConsulted: z.boolean().default(false),
  staffTraining: optionalText(4000),
  jobImpact: optionalText(4000),
  socialDialogue: optionalText(20000),
}).strict();

export type ReportRecord = z.output<typeof reportRecordSchema>;

/** One problem with one field of an input. */
export interface FieldError {
  field: string;
  message: string;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(row)', message: i.message }));
}

/** Parses or throws one BAD_USER_INPUT error listing every problem. */
export function parseOrThrow<S extends z.ZodTypeAny>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error);
  throw badInput(`Invalid ${what}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, {
    field: errors[0]?.field,
    fieldErrors: errors,
  });
}

/** GraphQL nulls and undefined mean "absent": drop them so schema defaults apply. */
export function withoutNulls<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
