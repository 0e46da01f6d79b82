import { PassThrough } from 'node:stream';
import { run, type CliIO } from '@bibia/cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What a progress bar drew. */
  progress: string;
}

/** Runs `bibia <args>` in this process with its own streams and environment. */
export async function bibia(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let progress = '';
  const progressStream = new PassThrough();
  progressStream.on('data', (chunk) => (progress += String(chunk)));
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    stderrIsTTY: false,
    columns: 200,
    progressStream,
  };
  const code = await run(['node', 'bibia', ...args], io);
  return { code, stdout, stderr, progress };
}

/** CSV text from rows (`;`-separated, cells quoted). */
export function csv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  return [header.map(cell).join(';'), ...rows.map((r) => r.map(cell).join(';'))].join('\n') + '\n';
}
