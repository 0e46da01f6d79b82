import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { version } from '../../package.json';
import { checkConformance } from './checkConformance';

const DESCRIPTION = `Checks that a member registry serves the BibIA registry contract: its schema (_service { sdl })
against the contract SDL, then live probes (registry(siren:), aiTools pagination, _entities).
Prints each difference on its own line and exits 1 when there is any; exits 0 with a summary
otherwise, 2 on a usage error.`;

/** Where the contract is looked for by default: the working directory, then the repository. */
const DEFAULT_CONTRACT = 'schema/registry.graphql';
const DEFAULT_TIMEOUT_MS = 5000;
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

interface ConformanceFlags {
  url: string;
  contract?: string;
  siren?: string;
  timeout: number;
}

function conformanceCommand(io: Output): Command {
  return new Command('bibia-conformance')
    .description(DESCRIPTION)
    .version(version, '-V, --version')
    .requiredOption('--url <url>', "the member's GraphQL URL")
    .option('--contract <file>', `contract SDL (default ${DEFAULT_CONTRACT} in the working directory, else the repository's)`)
    .option('--siren <siren>', 'SIREN the member must serve (default inferred from its tool ids)')
    .option('--timeout <ms>', `timeout of each request (default ${DEFAULT_TIMEOUT_MS})`, (raw: string) => {
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError("must be a positive number of milliseconds");
      return n;
    }, DEFAULT_TIMEOUT_MS)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
    });
}

/** The conformance CLI (`bibia-conformance`, `argv` without the node and script names); returns the exit code. */
export async function runConformanceCli(
  argv: string[],
  io: Output = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  let values: ConformanceFlags;
  try {
    values = conformanceCommand(io).parse(argv, { from: 'user' }).opts<ConformanceFlags>();
  } catch (err) {
    // Commander has printed the help, the version or the usage error; usage errors exit 2.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  const timeoutMs = values.timeout;
  const contractPath = resolveContract(values.contract);
  let contractSdl: string;
  try {
    contractSdl = fs.readFileSync(contractPath, 'utf8');
  } catch (err) {
    io.err(`Cannot read the contract ${contractPath}: ${(err as Error).message}`);
    return 2;
  }
  let report;
  try {
    report = await checkConformance({ url: values.url, contractSdl, siren: values.siren, timeoutMs });
  } catch (err) {
    io.err(`The contract ${contractPath} is not valid GraphQL SDL: ${(err as Error).message}`);
    return 2;
  }
  for (const note of report.notes) io.err(`note: ${note}`);
  if (!report.ok) {
    for (const difference of report.differences) io.out(difference);
    io.err(`FAILED: ${values.url} does not conform to ${path.relative(process.cwd(), contractPath) || contractPath} (${report.differences.length} difference${report.differences.length === 1 ? '' : 's'})`);
    return 1;
  }
  io.out(
    `OK: ${values.url}${report.siren ? ` (SIREN ${report.siren})` : ''} conforms to ${path.relative(process.cwd(), contractPath) || contractPath}, contract ${report.contractVersion}: ${report.checks.join('; ')}`,
  );
  return 0;
}

function resolveContract(given: string | undefined): string {
  if (given) return path.resolve(given);
  const local = path.resolve(DEFAULT_CONTRACT);
  return fs.existsSync(local) ? local : path.join(REPO_ROOT, DEFAULT_CONTRACT);
}
