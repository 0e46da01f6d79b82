export { NESTED_QUERY } from './query';
export { composeScenario, startScenarioSubgraphs, type ScenarioSubgraphs } from './startScenarioSubgraphs';
export { USERS, PRODUCTS, REVIEWS } from './data';
