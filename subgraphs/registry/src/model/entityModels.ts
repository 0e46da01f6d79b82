import path from 'node:path';
import { aiToolModel } from '../aiTool/aiTool.model';
import { practiceReportModel } from '../practiceReport/practiceReport.model';
import { writePrismaModels } from './printPrismaModels';

/** Every entity whose storage is generated from its model. */
export const ENTITY_MODELS = [aiToolModel, practiceReportModel];

export const PRISMA_SCHEMA = path.join(__dirname, '..', '..', 'prisma', 'schema.prisma');

/** Rewrites the entity models of prisma/schema.prisma from their definitions; true when it changed. */
export function generatePrismaSchema(file = PRISMA_SCHEMA): boolean {
  return writePrismaModels(file, ENTITY_MODELS);
}
