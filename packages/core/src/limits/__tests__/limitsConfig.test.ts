import { Command } from 'commander';
import { ConfigError } from '../../config';
import { DEFAULT_QUERY_LIMITS, DEFAULT_SUBGRAPH_QUERY_LIMITS } from '../queryLimits';
import { addLimitsOptions, defaultLimitsConfig, limitsConfigFromEnv, rateLimitOptionsOf, toAddressList, toTrustProxy } from '../limitsConfig';

const VARIABLES = ['MAX_TOKENS', 'MAX_DEPTH', 'MAX_ALIASES', 'MAX_FIELDS', 'MAX_COST', 'MAX_BODY_BYTES', 'RATE_LIMIT_PER_MINUTE', 'RATE_LIMIT_FAILED_AUTH_PER_MINUTE', 'RATE_LIMIT_EXEMPT', 'TRUST_PROXY'];

describe('limits configuration', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of VARIABLES) delete process.env[name];
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  const flags = (args: string[]) => addLimitsOptions(new Command().exitOverride(), defaultLimitsConfig(DEFAULT_QUERY_LIMITS)).parse(args, { from: 'user' }).opts();

  it('has documented defaults: the document limits of the server kind, 1 MiB, 600 requests and 10 refused credentials a minute, no exemption, no trusted proxy', () => {
    expect(defaultLimitsConfig(DEFAULT_QUERY_LIMITS)).toEqual({
      ...DEFAULT_QUERY_LIMITS, maxBodyBytes: 1048576, rateLimitPerMinute: 600, rateLimitFailedAuthPerMinute: 10, rateLimitExempt: [], trustProxy: 0,
    });
    expect(defaultLimitsConfig(DEFAULT_SUBGRAPH_QUERY_LIMITS, 10)).toMatchObject({ maxDepth: 13, maxAliases: 200, maxBodyBytes: 10 });
    expect(limitsConfigFromEnv()).toEqual({});
  });

  it('reads every limit from the environment and from flags', () => {
    Object.assign(process.env, { MAX_TOKENS: '100', MAX_ALIASES: '0', MAX_FIELDS: '50', RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXEMPT: '10.1.2.3, 10.8.0.0/16 loopback', TRUST_PROXY: '2' });
    expect(limitsConfigFromEnv()).toEqual({ maxTokens: 100, maxAliases: 0, maxFields: 50, rateLimitPerMinute: 0, rateLimitExempt: ['10.1.2.3', '10.8.0.0/16', 'loopback'], trustProxy: 2 });
    expect(flags(['--max-depth', '5', '--max-cost', '9', '--max-body-bytes', '2048', '--rate-limit-failed-auth-per-minute', '3', '--trust-proxy', '10.0.0.1,fd00::/8', '--rate-limit-exempt', 'none'])).toEqual({
      maxDepth: 5, maxCost: 9, maxBodyBytes: 2048, rateLimitFailedAuthPerMinute: 3, trustProxy: ['10.0.0.1', 'fd00::/8'], rateLimitExempt: [],
    });
    expect(rateLimitOptionsOf({ rateLimitPerMinute: 5, rateLimitExempt: ['loopback'] }, { keyPrefix: 'p:' })).toEqual({
      perMinute: 5, failedAuthPerMinute: undefined, exempt: ['loopback'], trustProxy: undefined, keyPrefix: 'p:',
    });
  });

  it('refuses bad values with one line naming the variable or flag (exit code 2)', () => {
    expect(() => toTrustProxy('true', 'TRUST_PROXY')).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/^TRUST_PROXY must say how many proxy hops/) }));
    expect(() => toTrustProxy('proxy.example', 'TRUST_PROXY')).toThrow(ConfigError);
    expect(() => toAddressList('10.0.0.0/40', '--rate-limit-exempt')).toThrow(/^--rate-limit-exempt must list IP addresses, CIDRs/);
    process.env.RATE_LIMIT_PER_MINUTE = 'lots';
    expect(() => limitsConfigFromEnv()).toThrow(new ConfigError('RATE_LIMIT_PER_MINUTE must be a whole number, 0 or more, got "lots"'));
    expect(() => flags(['--max-tokens', '0'])).toThrow('--max-tokens must be a whole number above 0, got "0"');
  });
});
