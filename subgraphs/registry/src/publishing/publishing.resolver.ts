import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AiTool } from '../aiTool/aiTool';
import { PracticeReport } from '../practiceReport/practiceReport';
import { AiToolInput, AiToolPatch } from '../aiTool/aiToolInput';
import { ImportResult } from '../aiTool/importResult';
import { PracticeReportInput, PracticeReportPatch } from '../practiceReport/practiceReportInput';
import type { RegistryContext } from '../context';
import { createTool, transitionTool, updateTool } from '../aiTool/tools';
import { importTools } from '../aiTool/importTools';
import { createReport, transitionReport, updateReport } from '../practiceReport/reports';

const reasonArg = { nullable: true, description: 'Why (kept in the version history; at most 1000 characters).' };
const plain = <T extends object>(input: T) => ({ ...input }) as Record<string, unknown>;
const reasonText = (reason?: string) => (reason ?? '').trim().slice(0, 1000);

/** Publishing: every mutation needs a publisher token of this registry and names its owner. */
@Resolver()
export class PublishingResolver {
  @Mutation(() => AiTool, { description: 'Creates a tool as a draft.' })
  createAiTool(
    @Arg('siren', { description: 'SIREN of the collectivité that owns the registry.' }) siren: string,
    @Arg('input', () => AiToolInput) input: AiToolInput,
    @Ctx() ctx: RegistryContext,
  ) {
    return createTool(ctx, siren, plain(input));
  }

  @Mutation(() => AiTool, { description: 'Changes a tool. A draft changes in place; a public tool keeps its published version until the changes are published.' })
  updateAiTool(@Arg('id', () => ID) id: string, @Arg('input', () => AiToolPatch) input: AiToolPatch, @Ctx() ctx: RegistryContext) {
    return updateTool(ctx, id, plain(input));
  }

  @Mutation(() => AiTool, { description: 'Publishes a draft, pending changes, or a withdrawn tool.' })
  publishAiTool(@Arg('id', () => ID) id: string, @Ctx() ctx: RegistryContext) {
    return transitionTool(ctx, id, 'publish');
  }

  @Mutation(() => AiTool, { description: 'Takes a published tool out of the public lists.' })
  withdrawAiTool(@Arg('id', () => ID) id: string, @Arg('reason', () => String, reasonArg) reason: string | undefined, @Ctx() ctx: RegistryContext) {
    return transitionTool(ctx, id, 'withdraw', reasonText(reason));
  }

  @Mutation(() => AiTool, { description: 'Archives a tool: kept for the record, no further change.' })
  archiveAiTool(@Arg('id', () => ID) id: string, @Ctx() ctx: RegistryContext) {
    return transitionTool(ctx, id, 'archive');
  }

  @Mutation(() => ImportResult, {
    description:
      'Creates or updates (matched by slug) many tools at once, all or nothing. Each row has the fields of AiToolInput. With `dryRun`, nothing is written and every row\'s errors are listed; without it, any error refuses the whole import (BAD_USER_INPUT with `extensions.rowErrors`). At most 2000 rows.',
  })
  importAiTools(
    @Arg('siren') siren: string,
    @Arg('rows', () => [GraphQLJSONObject]) rows: Record<string, unknown>[],
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
    @Arg('publish', { defaultValue: false, description: 'Publish every imported tool.' }) publish: boolean,
    @Ctx() ctx: RegistryContext,
  ) {
    return importTools(ctx, siren, rows, { dryRun, publish });
  }

  @Mutation(() => PracticeReport, { description: 'Creates a practice report on a tool, as a draft.' })
  createPracticeReport(
    @Arg('toolId', () => ID) toolId: string,
    @Arg('input', () => PracticeReportInput) input: PracticeReportInput,
    @Ctx() ctx: RegistryContext,
  ) {
    return createReport(ctx, toolId, plain(input));
  }

  @Mutation(() => PracticeReport, { description: 'Changes a practice report (same rules as updateAiTool).' })
  updatePracticeReport(@Arg('id', () => ID) id: string, @Arg('input', () => PracticeReportPatch) input: PracticeReportPatch, @Ctx() ctx: RegistryContext) {
    return updateReport(ctx, id, plain(input));
  }

  @Mutation(() => PracticeReport, { description: 'Publishes a practice report (its tool must be published).' })
  publishPracticeReport(@Arg('id', () => ID) id: string, @Ctx() ctx: RegistryContext) {
    return transitionReport(ctx, id, 'publish');
  }

  @Mutation(() => PracticeReport, { description: 'Takes a published report out of the public lists.' })
  withdrawPracticeReport(@Arg('id', () => ID) id: string, @Arg('reason', () => String, reasonArg) reason: string | undefined, @Ctx() ctx: RegistryContext) {
    return transitionReport(ctx, id, 'withdraw', reasonText(reason));
  }

  @Mutation(() => PracticeReport, { description: 'Archives a report.' })
  archivePracticeReport(@Arg('id', () => ID) id: string, @Ctx() ctx: RegistryContext) {
    return transitionReport(ctx, id, 'archive');
  }
}
