import { Command, CommanderError } from 'commander';
import { version } from '../package.json';
import { createContext, DEFAULT_ENDPOINT, resolveGlobals, type CommandRunner } from './context';
import { ExitCode, toCliError } from './errors';
import { processIO, type CliIO } from './io';
import { registerSearch } from './commands/search';
import { registerTool } from './commands/tool';
import { registerStats } from './commands/stats';
import { registerCollectivite } from './commands/collectivite';
import { registerProduct } from './commands/product';
import { registerImport } from './commands/importCommand';
import { registerExport } from './commands/exportCommand';
import { registerPartner } from './commands/partner';
import { registerMember } from './commands/member';

/** The `bibia` program. Every action runs through `runner`, which owns errors and exit codes. */
export function buildProgram(io: CliIO, runner: CommandRunner): Command {
  const program = new Command('bibia')
    .description("BibIA — Bibliothèque d'IA territoriales: search the national library of the AI tools used by French collectivités; import and export your registry.")
    .version(version, '-V, --version')
    .option('--endpoint <url>', `GraphQL endpoint (env BIBIA_ENDPOINT; default ${DEFAULT_ENDPOINT})`)
    .option('--token <token>', 'publisher or partner token (env BIBIA_TOKEN)')
    .option('--json', 'machine-readable JSON on stdout')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} })
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 error (GraphQL error, rows refused), 2 invalid file or command line,
3 endpoint unreachable, 4 token refused, 5 no such tool, collectivité or product.`,
    );
  registerSearch(program, runner);
  registerTool(program, runner);
  registerCollectivite(program, runner);
  registerProduct(program, runner);
  registerStats(program, runner);
  registerImport(program, runner);
  registerExport(program, runner);
  registerPartner(program, runner);
  registerMember(program, runner);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} });
  return program;
}

/**
 * Runs `bibia` with `argv` (as in process.argv) and resolves to its exit code. With no `io`
 * (the bin script), it uses the process's streams and sets `process.exitCode`.
 * Never prints a stack trace: every error becomes one message and an exit code.
 */
export async function run(argv: string[], io?: CliIO): Promise<number> {
  const streams = io ?? processIO();
  let exitCode: number = ExitCode.OK;
  let endpoint = DEFAULT_ENDPOINT;
  const runner: CommandRunner = async (cmd, action) => {
    const ctx = createContext(cmd, streams);
    endpoint = ctx.endpoint;
    await action(ctx);
    exitCode = ctx.exitCode;
  };
  try {
    const program = buildProgram(streams, runner);
    try {
      endpoint = resolveGlobals(program, streams).endpoint;
    } catch {
      // options are parsed below
    }
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError && (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')) {
      exitCode = ExitCode.OK;
    } else {
      const cliError = toCliError(err, endpoint);
      streams.stderr(`bibia: ${cliError.message}\n`);
      exitCode = cliError.exitCode;
    }
  }
  if (!io) process.exitCode = exitCode;
  return exitCode;
}
