// Lint for correctness, not taste: the recommended rules of ESLint and typescript-eslint, plus
// the package boundaries (no import climbs out of its workspace; schemas ← forms ← functions / web)
// and a domain core free of AWS.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import banshi from './tools/eslint-package-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'cdk.out/', '**/dist/', '**/dist-bench/', '.screenshots/', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['{schemas,forms,functions,web,infra,bench,e2e}/**/*.{ts,tsx,js,mjs}'],
    plugins: { banshi },
    rules: { 'banshi/package-boundaries': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    // The Lambda bundles load the AWS SDK through these CommonJS files (infra/lib/bundling.ts).
    files: ['infra/lib/sdk/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly', fetch: 'readonly', navigator: 'readonly', crypto: 'readonly', File: 'readonly', Blob: 'readonly', FormData: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['functions/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@aws-sdk/*', '@middy/*', '**/adapters/**', '**/http/**', '**/handlers/**'], message: 'the domain core stays free of AWS, middy and adapters' }] }],
    },
  },
);
