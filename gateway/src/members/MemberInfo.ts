/** What the gateway knows of a member to route to it (read from the directory, see `readMembers`). */
export interface MemberInfo {
  siren: string;
  name: string;
  /** GraphQL endpoint of the member registry. */
  url: string;
  departement: string | null;
  region: string | null;
  /** Membership status in the directory (ACTIVE, UNREACHABLE...). */
  status: string;
}
