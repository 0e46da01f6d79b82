import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkConformance } from './checkConformance';

const USAGE = `usage: conformance --url <member GraphQL URL> [--contract schema/registry.graphql] [--siren <SIREN>] [--timeout <ms>]

Checks that a member registry serves the BibIA registry contract: its schema (_service { sdl })
against the contract SDL, then live probes (registry(siren:), aiTools pagination, _entities).
Prints each difference on its own line and exits 1 when there is any; exits 0 with a summary
otherwise, 2 on a usage error.`;

/** Where the contract is looked for by default: the working directory, then the repository. */
const DEFAULT_CONTRACT = 'schema/registry.graphql';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The conformance CLI; returns the exit code. */
export async function runConformanceCli(
  argv: string[],
  io: Output = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  let values: { url?: string; contract?: string; siren?: string; timeout?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        contract: { type: 'string' },
        siren: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (!values.url) {
    io.err(USAGE);
    return 2;
  }
  const timeoutMs = values.timeout === undefined ? 5000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    io.err(`--timeout must be a positive number of milliseconds, got "${values.timeout}"`);
    return 2;
  }
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
