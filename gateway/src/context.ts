import type { VerifiedPartner } from '@bibia/core';
import { StaleMembers } from './nationalIndex/StaleMembers';

/** What the gateway keeps per client request (Apollo's context value). */
export interface GatewayContext {
  /** Members the index answers of this request say are stale; sent in `extensions.bibia.staleMembers`. */
  staleMembers: StaleMembers;
  /** The partner whose credential the gateway verified (partners/PartnerAccess); undefined otherwise. */
  partner?: VerifiedPartner;
  /** The index was asked for this whole request and gave no usable answer: the request is read live. */
  indexDeclined?: boolean;
}

export function createContext(partner?: VerifiedPartner): GatewayContext {
  return { staleMembers: new StaleMembers(), partner };
}

/** The context of a data source call, as far as it is the gateway's (health checks have another). */
export function gatewayContextOf(context: unknown): GatewayContext | undefined {
  const value = (context as Partial<GatewayContext> | undefined)?.staleMembers;
  return value instanceof StaleMembers ? (context as GatewayContext) : undefined;
}
