// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Only src/core/config.ts reads process.env.' },
      ],
    },
  },
  {
    // The dashboard runs in the browser: browser globals, no Node (it talks to the server over HTTP only).
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', fetch: 'readonly', Response: 'readonly', URLSearchParams: 'readonly',
        ResizeObserver: 'readonly', HTMLDivElement: 'readonly', Intl: 'readonly', console: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['src/core/config.ts', 'test/**', 'bench/**', 'scripts/**', '**/*.test.ts', '**/*.testkit.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
