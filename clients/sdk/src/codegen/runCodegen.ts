import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { codegenConfig, GENERATED_DIR, LABEL_SOURCES, LABELS_FILE, REPO_ROOT } from '../../codegen';
import { generateLabels } from './generateLabels';

export interface GeneratedFile {
  /** Path relative to the output directory. */
  name: string;
  content: string;
}

/**
 * Runs graphql-codegen in memory and returns the files it would write into `outputDir`, with
 * the labels generated from their sources.
 */
export async function runCodegen(outputDir: string = GENERATED_DIR): Promise<GeneratedFile[]> {
  const outputs: { filename: string; content: string }[] = await generate(codegenConfig(outputDir), false);
  const files = outputs.map((o) => ({ name: path.relative(outputDir, o.filename), content: o.content }));
  if (files.some((f) => f.name === LABELS_FILE)) throw new Error(`graphql-codegen wrote a ${LABELS_FILE} of its own`);
  files.push({ name: LABELS_FILE, content: generateLabels(LABEL_SOURCES, REPO_ROOT) });
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** Writes the generated files, removing stale ones. */
export async function writeCodegen(outputDir: string = GENERATED_DIR): Promise<GeneratedFile[]> {
  const files = await runCodegen(outputDir);
  fs.rmSync(outputDir, { recursive: true, force: true });
  for (const f of files) {
    const target = path.join(outputDir, f.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.content);
  }
  return files;
}

export async function main(args: string[]): Promise<void> {
  const at = args.indexOf('--out');
  const outputDir = at >= 0 && args[at + 1] ? path.resolve(args[at + 1]) : GENERATED_DIR;
  try {
    const files = await writeCodegen(outputDir);
    console.log(`Wrote ${files.length} files to ${path.relative(process.cwd(), outputDir) || '.'}`);
  } catch (err) {
    console.error(`codegen failed: ${describe(err)}`);
    process.exitCode = 1;
  }
}

function describe(err: unknown): string {
  const e = err as { message?: string; errors?: { message?: string; details?: string }[] };
  const nested = e.errors?.map((x) => x.details ?? x.message).join('\n');
  return nested || e.message || String(err);
}
