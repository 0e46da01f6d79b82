/**
 * Enums that several subgraphs declare. Composition requires the same values everywhere an enum
 * is used in inputs and outputs, and identical descriptions leave it nothing to choose between:
 * each subgraph registers its (Prisma-generated) enum object with this one configuration.
 */
export const HOSTING_ENUM = {
  name: 'Hosting',
  description: 'Where the tool runs and its data is processed (sovereignty).',
  valuesConfig: {
    ON_PREMISES: { description: "On the collectivité's own servers." },
    FRENCH_CLOUD: { description: 'Cloud hosted in France by a provider under French/EU law.' },
    EU_CLOUD: { description: 'Cloud hosted in the European Union.' },
    NON_EU_CLOUD: { description: 'Cloud outside the EU, or under a non-EU jurisdiction.' },
  },
};
