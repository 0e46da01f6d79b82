import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import type { LabelSources } from './src/codegen/generateLabels';

/** The repository's root: generated files name their sources relative to it. */
export const REPO_ROOT = path.join(__dirname, '..', '..');
const root = REPO_ROOT;

/** Where the typed documents and the labels are written (committed; `npm run codegen` regenerates them). */
export const GENERATED_DIR = path.join(__dirname, 'src', 'generated');

/** The French labels' file in GENERATED_DIR, next to graphql-codegen's files. */
export const LABELS_FILE = 'labels.ts';

/** Where `src/generated/labels.ts` is written from: the single sources of the French labels. */
export const LABEL_SOURCES: LabelSources = {
  supergraph: path.join(root, 'schema', 'supergraph.graphql'),
  // Only Theme describes its values by their French labels; the other enums' descriptions are
  // English documentation, so their labels are written by hand in src/labels.ts.
  describedEnums: { Theme: 'THEME_LABELS' },
  geoModule: path.join(root, 'subgraphs', 'directory', 'src', 'shared', 'geo.ts'),
};

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
