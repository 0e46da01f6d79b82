import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, separateOperations, type DocumentNode } from 'graphql';

/**
 * Gives the query planner the operation to run and only the fragments it uses. A document may
 * hold several operations (`operationName` picks one) and fragments only the others use; the
 * planner (`@apollo/federation-internals`' `operationFromDocument`) reads every fragment in the
 * picked operation's variable scope, and a fragment using a variable the picked operation does not
 * define failed the request with HTTP 500 "Invalid value $v for argument" (found by the fuzz).
 * graphql-js's `separateOperations` makes the same cut for every operation of the document.
 */
export function selectedOperationPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { document, operation } = requestContext;
          if (!operation || document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length < 2) return;
          const only = separateOperations(document)[operation.name?.value ?? ''];
          // The request context's document is what Apollo Server hands the gateway's executor.
          if (only) (requestContext as { document: DocumentNode }).document = only;
        },
      };
    },
  };
}
