import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { generateHubSigningKey } from '@bibia/kit';
import { version } from '../../package.json';

/**
 * `bibia-hub-key --out <file>`: the hub operator makes the hub signing key once, before the first
 * start of the directory and the gateway (docs/partners.md). The file is created readable by its
 * owner only and never overwritten: a new key would invalidate every partner credential signed.
 * `--out -` prints the key alone on stdout, for a container (`docker compose run`) without a volume.
 * Resolves to the exit code: 0, or 2 for a usage error or a file that cannot be created.
 */
export async function runHubKeyCli(args: string[], out: { stdout(t: string): void; stderr(t: string): void }): Promise<number> {
  const cmd = new Command('bibia-hub-key')
    .description('Generate the hub signing key (a private JWK, ES256) into a new file, readable by you only. Nothing is sent anywhere.')
    .version(version, '-V, --version')
    .requiredOption('--out <file>', 'the file to create (never overwritten), e.g. hub-signing-key.json; - prints the key alone on stdout (for a container: put it in .env or a secret)')
    .option('--json', 'print { file, kid, alg } as JSON')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr });
  let options: { out: string; json?: boolean };
  try {
    options = cmd.parse(args, { from: 'user' }).opts();
  } catch (err) {
    return err instanceof CommanderError && err.exitCode === 0 ? 0 : 2;
  }
  const jwk = await generateHubSigningKey();
  if (options.out === '-') {
    out.stdout(`${jwk}\n`);
    return 0;
  }
  try {
    fs.writeFileSync(options.out, `${jwk}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    out.stderr(code === 'EEXIST'
      ? `bibia-hub-key: ${options.out} exists: not overwritten (a new key would invalidate every partner credential signed with the old one)\n`
      : `bibia-hub-key: cannot create ${options.out} (${code})\n`);
    return 2;
  }
  const { kid, alg } = JSON.parse(jwk) as { kid: string; alg: string };
  if (options.json) out.stdout(`${JSON.stringify({ file: options.out, kid, alg })}\n`);
  else {
    out.stdout(
      `Hub signing key written to ${options.out} (${alg}, kid ${kid}), readable by you only.\n` +
        'Give it to the directory and the gateway: HUB_SIGNING_KEY_FILE=<file> (docs/partners.md).\n' +
        'Keep it secret: whoever holds it can issue partner credentials.\n',
    );
  }
  return 0;
}
