import { createHash } from 'node:crypto';
import { parse, print, type DocumentNode } from 'graphql';
import { compareModels } from './compareSchemas';
import { isObject } from '@bibia/kit';
import { conformanceTransport } from './conformanceTransport';
import { checkMemberUrl, type MemberAddressPolicy } from '@bibia/kit';
import { probeRegistry } from './probeRegistry';
import { buildSchemaModel } from './schemaModel';

/** Options of {@link checkConformance}. */
export interface ConformanceOptions {
  /** The candidate member's GraphQL endpoint. */
  url: string;
  /** The contract SDL (`schema/registry.graphql`). */
  contractSdl: string;
  /** The SIREN the member must serve; when omitted, inferred from its tool ids. */
  siren?: string;
  /** Timeout of each request. @default 5000 */
  timeoutMs?: number;
  /**
   * For a candidate not trusted (`registerMember`): the URL and every connection are checked
   * against this policy, and differences never quote what the candidate sent (bodies, error
   * messages, redirect targets, socket errors). @default undefined (the operator's own check: no
   * address rule, answers quoted)
   */
  addressPolicy?: MemberAddressPolicy;
}

export interface ConformanceReport {
  url: string;
  /** True when there is no difference. */
  ok: boolean;
  /** Every way the member fails the contract, one readable sentence each. */
  differences: string[];
  /** Probes that could not run, and why; not failures. */
  notes: string[];
  /** What was checked and passed. */
  checks: string[];
  /** The SIREN probed (given or inferred). */
  siren?: string;
  /** The member's `Registry.contractVersion` when it has one, else a fingerprint of the contract. */
  contractVersion: string;
}

/**
 * Checks that a member registry serves the contract: its `_service { sdl }` against the contract
 * SDL, then live probes. Never throws for what the member does (garbage, timeouts and errors are
 * differences); throws only when `contractSdl` itself is not valid GraphQL.
 */
export async function checkConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const contractDoc = parse(options.contractSdl);
  const report: ConformanceReport = {
    url: options.url,
    ok: false,
    differences: [],
    notes: [],
    checks: [],
    siren: options.siren,
    contractVersion: contractFingerprint(contractDoc),
  };
  if (options.addressPolicy) {
    const refused = await checkMemberUrl(options.url, options.addressPolicy);
    if (refused) {
      report.differences.push(`registryUrl: ${refused}`);
      return report;
    }
  }
  const transport = conformanceTransport(options.addressPolicy);
  const answer = await transport.post(options.url, '{ _service { sdl } }', {}, { timeoutMs: options.timeoutMs });
  const sdl = answer.ok && isObject(answer.data?._service) ? answer.data._service.sdl : undefined;
  if (!answer.ok) report.differences.push(`_service { sdl }: ${transport.describeFailure(answer)}`);
  else if (typeof sdl !== 'string') {
    report.differences.push(`_service { sdl }: no SDL in the answer${answer.errors.length ? ` (${transport.describeErrors(answer.errors)})` : ''}: is it a federation subgraph?`);
  }
  if (typeof sdl !== 'string') return report;

  let candidateDoc: DocumentNode;
  try {
    candidateDoc = parse(sdl);
  } catch (err) {
    report.differences.push(`_service.sdl: not valid GraphQL SDL${options.addressPolicy ? '' : ` (${(err as Error).message})`}`);
    return report;
  }
  const contract = buildSchemaModel(contractDoc);
  const candidate = buildSchemaModel(candidateDoc);
  const schemaDifferences = compareModels(contract, candidate);
  report.differences.push(...schemaDifferences);
  if (!schemaDifferences.length) report.checks.push('schema matches the contract');

  const probes = await probeRegistry({ url: options.url, contract, candidate, siren: options.siren, timeoutMs: options.timeoutMs, transport });
  report.differences.push(...probes.differences);
  report.notes.push(...probes.notes);
  report.checks.push(...probes.checks);
  report.siren = probes.siren;
  if (probes.contractVersion) report.contractVersion = probes.contractVersion;
  report.ok = report.differences.length === 0;
  return report;
}

/** `sdl-` and 12 hex digits of the SHA-256 of the printed contract: changes with any change to it. */
export function contractFingerprint(contract: string | DocumentNode): string {
  const printed = print(typeof contract === 'string' ? parse(contract) : contract);
  return `sdl-${createHash('sha256').update(printed).digest('hex').slice(0, 12)}`;
}
