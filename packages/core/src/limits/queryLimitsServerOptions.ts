import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { queryLimitsPlugin, type QueryLimitsPluginOptions } from './queryLimitsPlugin';
import type { QueryLimits } from './queryLimits';

/**
 * What an Apollo Server needs to apply `limits`: the parser's token limit and the plugin of the
 * other checks. Give the server `formatClientError` as (the first step of) its `formatError` too.
 */
export function queryLimitsServerOptions<C extends BaseContext>(limits: QueryLimits, options: QueryLimitsPluginOptions = {}): { parseOptions: ApolloServerOptions<C>['parseOptions']; plugin: ApolloServerPlugin<C> } {
  return { parseOptions: { maxTokens: limits.maxTokens }, plugin: queryLimitsPlugin<C>(limits, options) };
}
