#!/usr/bin/env node
// npm run generate: writes the AiTool and PracticeReport models of prisma/schema.prisma from their
// definitions (src/aiTool/aiTool.model.ts, src/practiceReport/practiceReport.model.ts), then
// generates the Prisma client from the schema.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { Command } = require('commander');
const { version } = require('../package.json');

new Command('bibia-registry-generate')
  .description('Writes the AiTool and PracticeReport models of prisma/schema.prisma from src/*/*.model.ts, then generates the Prisma client.')
  .version(version, '-V, --version')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .allowExcessArguments(false)
  .parse();

const schema = 'subgraphs/registry/prisma/schema.prisma';
const prismaGenerate = () =>
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'kit', 'bin', 'prisma-generate.js'), schema], { stdio: 'inherit' });

// The models use the enums of the generated client: generate it first from the schema as it is,
// so that a fresh checkout or a new enum block in the schema works.
prismaGenerate();
require('../../../packages/core/bin/register');
const { generatePrismaSchema } = require('../src/model/entityModels');
if (generatePrismaSchema()) {
  console.log(`Rewrote the entity models of ${schema}`);
  prismaGenerate();
} else {
  console.log(`${schema}: entity models up to date`);
}
