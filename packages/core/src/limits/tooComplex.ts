import { GraphQLError, type ASTNode } from 'graphql';

/** The error of an exceeded limit: `QUERY_TOO_COMPLEX`, HTTP 400, the measure and the limit in `extensions`. */
export function tooComplex(message: string, details: Record<string, unknown>, nodes?: ASTNode | readonly ASTNode[]): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { ...details, code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}
