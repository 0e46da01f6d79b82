import { BibiaError } from '@bibia/sdk';
import { CommanderError } from 'commander';
import { InvalidFileError } from './import/readTable';
import { PartialImportError } from './import/importRows';

/** Exit codes of `bibia`, for scripts. */
export const ExitCode = {
  OK: 0,
  /** GraphQL errors, rows refused by an import, anything else. */
  ERROR: 1,
  /** Invalid file or invalid command line. */
  INVALID_INPUT: 2,
  /** The endpoint cannot be reached (or is not a BibIA endpoint). */
  UNREACHABLE: 3,
  /** The token is missing, unknown, revoked, or not allowed this. */
  BAD_TOKEN: 4,
  /** No tool, collectivité or product with that id. */
  NOT_FOUND: 5,
} as const;

/** An error meant for the person at the terminal: one message, one exit code, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new CliError(message, ExitCode.NOT_FOUND);
export const invalidInput = (message: string) => new CliError(message, ExitCode.INVALID_INPUT);

/** What any error becomes at the terminal. */
export function toCliError(err: unknown, endpoint: string): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof InvalidFileError) return new CliError(`invalid file ${err.message}`, ExitCode.INVALID_INPUT);
  if (err instanceof PartialImportError) {
    return new CliError(`${err.message}\nRun the same import again: rows are matched to existing tools by slug, so nothing is duplicated.`, ExitCode.ERROR);
  }
  if (err instanceof CommanderError) return new CliError(`${err.message.replace(/^error: /, '')} (see bibia --help)`, ExitCode.INVALID_INPUT);
  if (err instanceof BibiaError) {
    switch (err.code) {
      case 'NETWORK_ERROR':
        return new CliError(err.message, ExitCode.UNREACHABLE);
      case 'BAD_RESPONSE':
      case 'HTTP_ERROR':
        return new CliError(`cannot reach a BibIA endpoint at ${endpoint}: ${err.message}`, ExitCode.UNREACHABLE);
      case 'UNAUTHENTICATED':
        // Two kinds of token: a publisher token of a collectivité's registry (to publish), or a
        // partner credential issued by the hub (to read what is kept for partners).
        return new CliError(
          `the token was refused: ${err.message} (give a publisher token of your registry, or a partner credential issued by the hub, with --token or BIBIA_TOKEN)`,
          ExitCode.BAD_TOKEN,
        );
      case 'FORBIDDEN':
        return new CliError(`the token does not allow this: ${err.message}`, ExitCode.BAD_TOKEN);
      case 'NOT_FOUND':
        return new CliError(err.message, ExitCode.NOT_FOUND);
      default:
        return new CliError(`${err.code}: ${err.message}`, ExitCode.ERROR);
    }
  }
  return new CliError(`unexpected error: ${(err as Error)?.message ?? String(err)}`, ExitCode.ERROR);
}
