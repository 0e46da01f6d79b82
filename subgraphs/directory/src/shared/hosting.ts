import { registerEnumType } from 'type-graphql';
import { Hosting } from '../generated/prisma/enums';

export { Hosting };

// Same name and values as the registry contract's enum: composition requires identical values
// for an enum both subgraphs use in inputs and outputs.
// Descriptions too, so that composition has nothing to choose between.
registerEnumType(Hosting, {
  name: 'Hosting',
  description: 'Where the tool runs and its data is processed (sovereignty).',
  valuesConfig: {
    ON_PREMISES: { description: "On the collectivité's own servers." },
    FRENCH_CLOUD: { description: 'Cloud hosted in France by a provider under French/EU law.' },
    EU_CLOUD: { description: 'Cloud hosted in the European Union.' },
    NON_EU_CLOUD: { description: 'Cloud outside the EU, or under a non-EU jurisdiction.' },
  },
});
