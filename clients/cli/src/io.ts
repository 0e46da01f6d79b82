/** Where `bibia` reads its environment and writes; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (progress bars). */
  stderrIsTTY: boolean;
  /** Width of the terminal, for tables. */
  columns?: number;
  /** The stream progress bars draw on. */
  progressStream?: NodeJS.WritableStream;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

export function processIO(): CliIO {
  // `bibia search | head`: the reader went away; stop quietly instead of crashing.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    progressStream: process.stderr,
  };
}
