import { aiToolModel, practiceReportModel, type EntityModel } from '@bibia/registry/contract';

/*
 * What the index asks a member, written from the registry's field models so that a new field is
 * harvested without touching this file. Fields with `output: false` (provider, product) are read
 * through the contract's field resolvers.
 */

function modelSelection(model: EntityModel): string {
  return Object.entries(model.fields)
    .filter(([, f]) => f.output !== false)
    .map(([name, f]) => (f.kind === 'objectList' ? `${name} { ${Object.keys(f.item.fields).join(' ')} }` : name))
    .join(' ');
}

const WORKFLOW = 'id slug state version createdAt updatedAt publishedAt';

export const TOOL_SELECTION = `${WORKFLOW} ${modelSelection(aiToolModel)} provider { name siren } product { id }`;
export const REPORT_SELECTION = `${WORKFLOW} ${modelSelection(practiceReportModel)} tool { id }`;

/** One page of the change feed, and the member's published counts at that time. */
export const CHANGES_QUERY = /* GraphQL */ `
  query BibiaIndexChanges($since: DateTime!, $after: String, $first: Int!, $siren: String!) {
    changes(since: $since, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id entityType entityId kind at } }
    }
    registry(siren: $siren) { toolCount reportCount }
  }
`;

/** Entries by id: `_entities` works on every member (drafts come back null, withdrawn ones with their state). */
export const ENTITIES_QUERY = /* GraphQL */ `
  query BibiaIndexEntities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on AiTool { ${TOOL_SELECTION} }
      ... on PracticeReport { ${REPORT_SELECTION} }
    }
  }
`;

/** A page of everything published (full resynchronisation). */
export const TOOLS_PAGE_QUERY = /* GraphQL */ `
  query BibiaIndexTools($after: String) {
    aiTools(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${TOOL_SELECTION} } } }
  }
`;

export const REPORTS_PAGE_QUERY = /* GraphQL */ `
  query BibiaIndexReports($after: String) {
    practiceReports(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${REPORT_SELECTION} } } }
  }
`;
