import fs from 'node:fs';
import path from 'node:path';
import { defaultRoverConfig, defaultSupergraphFile } from '../paths';
import { composeSupergraph } from './composeSupergraph';

export interface ComposeCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: compose [--check] [--config rover.yaml] [--out schema/supergraph.graphql]
Composes the subgraphs listed in the Rover config into the supergraph file.
  --check   write nothing; exit 1 when the file is not what composition gives`;

/** `npm run compose`: returns the exit code. */
export function runComposeCli(argv: string[], io: ComposeCliIo = { out: console.log, err: console.error }): number {
  let check = false;
  let config = defaultRoverConfig();
  let outFile = defaultSupergraphFile();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--config' && argv[i + 1]) config = path.resolve(argv[++i]);
    else if (a === '--out' && argv[i + 1]) outFile = path.resolve(argv[++i]);
    else {
      io.err(a === '--help' || a === '-h' ? USAGE : `Unknown argument "${a}"\n${USAGE}`);
      return a === '--help' || a === '-h' ? 0 : 2;
    }
  }
  const outcome = composeSupergraph(config);
  if (!outcome.ok) {
    io.err(`Composition failed (${path.relative(process.cwd(), config)}):`);
    for (const e of outcome.errors) io.err(`  - ${e}`);
    return 1;
  }
  const shown = path.relative(process.cwd(), outFile);
  const current = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : null;
  if (check) {
    if (current === outcome.supergraphSdl) {
      io.out(`${shown} is up to date.`);
      return 0;
    }
    io.err(`${shown} is ${current === null ? 'missing' : 'out of date'}: run \`npm run compose\` and commit it.`);
    return 1;
  }
  if (current === outcome.supergraphSdl) {
    io.out(`${shown} is up to date.`);
    return 0;
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  // Written through a temporary file so a gateway watching it never reads half a schema.
  const tmp = `${outFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, outcome.supergraphSdl);
  fs.renameSync(tmp, outFile);
  io.out(`Wrote ${shown}.`);
  return 0;
}
