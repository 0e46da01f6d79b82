// Lint of the whole workspace, run by `npm test` (npm run lint). Type-aware rules are left to
// `tsc`; this config checks what the compiler does not: import cycles, dependencies a package
// uses without declaring them, and common mistakes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/generated/**', 'coverage/**', 'test-artifacts/**', '**/dist/**', '.data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are parsed as TypeScript too, or cycles through them go unseen.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Each workspace declares what it imports (tests may use devDependencies).
      'import-x/no-extraneous-dependencies': ['error', {
        devDependencies: ['**/test/**', '**/__tests__/**', '**/e2e/**', '**/*.test.ts', '**/src/codegen/**'],
      }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['clients/web/public/**/*.js', 'clients/admin/public/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', history: 'readonly', location: 'readonly', console: 'readonly', FormData: 'readonly', Node: 'readonly', HTMLElement: 'readonly', Event: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', navigator: 'readonly', Blob: 'readonly', AbortController: 'readonly', CSS: 'readonly' } },
  },
);
