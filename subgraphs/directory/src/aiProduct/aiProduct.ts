import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ProductCategory } from '../generated/prisma/enums';
import { Hosting } from '../shared/hosting';

export { ProductCategory };

registerEnumType(ProductCategory, {
  name: 'ProductCategory',
  description: 'What an AI product mainly does.',
  valuesConfig: {
    GENERAL_ASSISTANT: { description: 'Conversational assistant for general tasks (writing, summarising, answering).' },
    LANGUAGE_MODEL: { description: 'A language model to deploy or call from other software.' },
    SPEECH_TO_TEXT: { description: 'Transcription of speech.' },
    OCR_DOCUMENT: { description: 'Text recognition and document processing.' },
    TRANSLATION: { description: 'Machine translation.' },
    COMPUTER_VISION: { description: 'Image and video analysis.' },
    CHATBOT_PLATFORM: { description: 'Platform to build chatbots and voice bots.' },
    DATA_PLATFORM: { description: 'Data science and machine-learning platform.' },
    OTHER: { description: 'Anything else.' },
  },
});

@Directive('@shareable')
@ObjectType({ description: 'Who makes a product.' })
export class Vendor {
  @Field({ description: 'Company or organisation name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'SIREN of a French vendor; null for a foreign one or when not known.' })
  siren!: string | null;
}

/**
 * A product of the shared catalogue. Members link their tools to it and contribute its
 * `deployments`.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An AI product or model of the hub's shared catalogue (e.g. Albert, Whisper, DeepL). Member registries link their tools to it and add who deploys it.",
})
export class AiProduct {
  @Field(() => ID, { description: 'Stable slug, `[a-z0-9-]+`, e.g. "mistral-le-chat".' })
  id!: string;

  @Field({ description: 'Product name.' })
  name!: string;

  @Field(() => ProductCategory)
  category!: ProductCategory;

  @Field(() => String, { nullable: true, description: "Product's website." })
  website!: string | null;

  @Field({ description: 'Whether its code (or model weights and code) is published under an open-source licence.' })
  openSource!: boolean;

  @Field(() => [Hosting], { description: 'The ways the product can be hosted (a collectivité chooses one per tool).' })
  hosting!: Hosting[];

  @Field({ description: 'Plain-text description (never HTML); may be empty.' })
  description!: string;
}
