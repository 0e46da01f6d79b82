import type { MemberInfo } from './MemberInfo';

/**
 * The directory query the gateway routes with: every member that may answer. UNREACHABLE members
 * are still asked, so that the directory sees them come back.
 */
export const MEMBERS_QUERY = /* GraphQL */ `
  query BibiaGatewayMembers {
    members(status: [ACTIVE, UNREACHABLE]) {
      siren
      name
      departement
      region
      membership {
        registryUrl
        status
      }
    }
  }
`;

/** Reads the directory's answer; throws with a readable message when it is not a member list. */
export function parseMembers(body: unknown): MemberInfo[] {
  const data = (body as { data?: { members?: unknown } } | null)?.data;
  const errors = (body as { errors?: Array<{ message?: string }> } | null)?.errors;
  if (!data || !Array.isArray(data.members)) {
    const why = errors?.length ? errors.map((e) => e.message).join('; ') : 'no data.members';
    throw new Error(`the directory did not return the member list (${why})`);
  }
  const out: MemberInfo[] = [];
  for (const m of data.members as Array<Record<string, unknown>>) {
    const membership = (m?.membership ?? {}) as Record<string, unknown>;
    if (!m || typeof m.siren !== 'string' || typeof membership.registryUrl !== 'string' || !membership.registryUrl) continue;
    out.push({
      siren: m.siren,
      name: typeof m.name === 'string' ? m.name : '',
      url: membership.registryUrl,
      departement: codeOf(m.departement),
      region: codeOf(m.region),
      status: typeof membership.status === 'string' ? membership.status : 'ACTIVE',
    });
  }
  return out.sort((a, b) => (a.siren < b.siren ? -1 : a.siren > b.siren ? 1 : 0));
}

function codeOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string') return (v as { code: string }).code;
  return null;
}
