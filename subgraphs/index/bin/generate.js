#!/usr/bin/env node
// npm run -w @bibia/index generate: rewrites the generated section of prisma/schema.prisma from the
// registry's field models, then generates the Prisma client. After a change, create a migration
// with `npm run -w @bibia/index db:migration -- <name>`.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const schema = 'subgraphs/index/prisma/schema.prisma';
require('../../../packages/core/bin/register');
const { writeIndexModels } = require('../src/model/printIndexModels');
const file = path.join(root, 'prisma', 'schema.prisma');
console.log(writeIndexModels(file) ? `Rewrote the generated section of ${schema}` : `${schema}: generated section up to date`);
execFileSync(process.execPath, [path.join(root, '..', 'kit', 'bin', 'prisma-generate.js'), schema], { stdio: 'inherit' });
