import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

const root = path.join(__dirname, '..', '..');

/** Where the typed documents are written (committed; `npm run codegen` regenerates them). */
export const GENERATED_DIR = path.join(__dirname, 'src', 'generated');

/**
 * Typed document nodes for the operations in `schema/operations/*.graphql`, checked against the
 * composed national schema. Everything is local files: it runs offline.
 */
export function codegenConfig(outputDir: string = GENERATED_DIR): CodegenConfig {
  return {
    schema: path.join(root, 'schema', 'supergraph.graphql'),
    documents: [path.join(root, 'schema', 'operations', '*.graphql')],
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [`${outputDir}${path.sep}`]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          enumsAsTypes: true,
          useTypeImports: true,
          defaultScalarType: 'unknown',
          scalars: {
            Date: 'string',
            DateTime: 'string',
            JSONObject: 'Record<string, unknown>',
          },
        },
      },
    },
  };
}

const config: CodegenConfig = codegenConfig();
export default config;
