import type { IncomingMessage } from 'node:http';
import type { HubSigningKey, Logger } from '@bibia/kit';
import type { PrismaClient } from './generated/prisma/client';
import { createLoaders, type Loaders } from './loaders';

/** What every request shares: set once when the server starts. */
export interface DirectoryServices {
  prisma: PrismaClient;
  logger: Logger;
  /** Bearer token of hub administrators; undefined disables the admin mutations. */
  hubAdminToken?: string;
  /** Reads the registry contract SDL members must conform to (read at each registration). */
  readContract: () => string | undefined;
  /** Where the contract comes from, for error messages. */
  contractSource: string;
  /** Per-request timeout of conformance probes, in ms. */
  conformanceTimeoutMs: number;
  /** Failed health checks in a row after which an ACTIVE member turns UNREACHABLE. */
  unreachableAfter: number;
  /** `registerMember` accepts http and private-network member URLs (development networks). */
  allowPrivateMemberUrls: boolean;
  /** Signs partner credentials; undefined: none can be issued. */
  signingKey?: HubSigningKey;
}

export interface DirectoryContext extends DirectoryServices {
  loaders: Loaders;
  /** The bearer token of the request, if any. */
  bearer?: string;
}

/** A fresh context per request: its own DataLoaders, its own credentials. */
export function createContext(services: DirectoryServices, req?: IncomingMessage): DirectoryContext {
  return { ...services, loaders: createLoaders(services.prisma), bearer: bearerToken(req?.headers.authorization) };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}
