import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.join(__dirname, '..', '..');

/** One step of `npm run generate`: a script of the repository and what it writes. */
export interface GenerateStep {
  name: string;
  /** Script and arguments, from the repository root. */
  command: string[];
  /** Files or folders it writes, from the repository root (committed unless git-ignored). */
  writes: string[];
}

/**
 * Every generated file of the repository, in dependency order: the registry's Prisma models come
 * from its entity models; the Prisma clients from the Prisma schemas; the subgraph SDL from the
 * code; the supergraph from the SDL; the SDK from the supergraph and the operations; the import
 * columns page from the CLI's column tables. A test runs them all on a copy of the repository
 * and fails when anything committed changes, so no generated file can drift or go missing.
 */
export const GENERATE_STEPS: GenerateStep[] = [
  {
    name: 'registry Prisma models and client',
    command: ['subgraphs/registry/bin/generate.js'],
    writes: ['subgraphs/registry/prisma/schema.prisma', 'subgraphs/registry/src/generated/prisma'],
  },
  {
    name: 'index Prisma models and client',
    command: ['subgraphs/index/bin/generate.js'],
    writes: ['subgraphs/index/prisma/schema.prisma', 'subgraphs/index/src/generated/prisma'],
  },
  {
    name: 'directory Prisma client',
    command: ['subgraphs/kit/bin/prisma-generate.js', 'subgraphs/directory/prisma/schema.prisma'],
    writes: ['subgraphs/directory/src/generated/prisma'],
  },
  { name: 'registry SDL', command: ['subgraphs/registry/bin/bibia-registry.js', 'print-schema'], writes: ['schema/registry.graphql'] },
  { name: 'directory SDL', command: ['subgraphs/directory/bin/print-schema.js'], writes: ['schema/directory.graphql'] },
  { name: 'index SDL', command: ['subgraphs/index/bin/bibia-index.js', 'print-schema'], writes: ['schema/index.graphql'] },
  { name: 'supergraph', command: ['gateway/bin/compose.js'], writes: ['schema/supergraph.graphql'] },
  { name: 'SDK', command: ['clients/sdk/bin/codegen.js'], writes: ['clients/sdk/src/generated'] },
  { name: 'import columns page', command: ['clients/cli/bin/columns-doc.js'], writes: ['docs/import-columns.md'] },
];

/** Runs every step in `root` (the repository, or a copy of it in tests). */
export function generateAll(root: string = REPO_ROOT, log: (line: string) => void = console.log): void {
  for (const step of GENERATE_STEPS) {
    log(`generate: ${step.name}`);
    const [script, ...args] = step.command;
    try {
      execFileSync(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'error' } });
    } catch (err) {
      const e = err as { stderr?: Buffer; stdout?: Buffer; message: string };
      throw new Error(`generate: ${step.name} failed (${[script, ...args].join(' ')}):\n${e.stderr?.toString() || e.stdout?.toString() || e.message}`, { cause: err });
    }
  }
}
