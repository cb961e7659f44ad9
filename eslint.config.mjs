// Lint rules that catch what the type checker does not: forgotten promises, and Node built-ins in
// workflow code (which must stay deterministic and runs in Temporal's sandbox).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.tools/', 'scripts/cadence.js', 'eslint.config.mjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    // The rep page's browser script: plain JavaScript served as is (no build step), so lint catches what
    // a type checker would, and bans HTML sinks: the page renders prospect-controlled text.
    files: ['api/rep-page/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { document: 'readonly', sessionStorage: 'readonly', fetch: 'readonly', HTMLElement: 'readonly', Node: 'readonly', CSS: 'readonly', IntersectionObserver: 'readonly', performance: 'readonly', setInterval: 'readonly' },
    },
    rules: {
      'no-undef': 'error',
      'no-unused-vars': 'error',
      'no-implicit-globals': 'error',
      'prefer-const': 'error',
      eqeqeq: 'error',
      strict: ['error', 'global'],
      'no-restricted-properties': ['error', ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'write', 'writeln'].map((property) => ({ property, message: 'build elements from text nodes (h()), never from HTML strings' }))],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'http', 'net', 'os', 'child_process'], message: 'workflow code must be deterministic: no Node built-ins' }] }],
    },
  },
);
