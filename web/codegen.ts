// Typed operations from the server's schema (GraphQL Code Generator).
// Regenerate with `npm run codegen` (part of `npm run build`).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: ['../schema.graphqls', '../schema/*.graphqls'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Time: 'string', ID: 'string', GeoJSONGeometry: 'unknown', Date: 'string', LanguageCode: 'string', JSON: 'unknown' },
        skipTypename: true,
      },
    },
  },
};
export default config;
