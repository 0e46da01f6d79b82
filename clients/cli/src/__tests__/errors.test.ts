import { BibiaError } from '@bibia/sdk';
import { ExitCode, toCliError } from '../errors';

describe('toCliError', () => {
  it('names both kinds of token when one is refused', () => {
    const error = toCliError(new BibiaError('UNAUTHENTICATED', 'Unknown publisher token'), 'http://hub.test/graphql');
    expect(error.exitCode).toBe(ExitCode.BAD_TOKEN);
    expect(error.message).toBe(
      'the token was refused: Unknown publisher token (give a publisher token of your registry, or a partner credential issued by the hub, with --token or BIBIA_TOKEN)',
    );
  });

  it('says when a token is valid but not allowed this', () => {
    const error = toCliError(new BibiaError('FORBIDDEN', 'This registry belongs to Arras'), 'http://hub.test/graphql');
    expect([error.exitCode, error.message]).toEqual([ExitCode.BAD_TOKEN, 'the token does not allow this: This registry belongs to Arras']);
  });
});
