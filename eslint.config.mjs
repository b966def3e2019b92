// Lint enforces the architecture: policies/ is pure, and dependencies point one way
// (functions, cli -> controller -> policies; aws and sim implement the controller's port).
import tseslint from 'typescript-eslint';

const forbid = (group, message) => ({ patterns: [{ group, message }] });

export default tseslint.config(
  { ignores: ['node_modules/**', '.serverless/**', '.esbuild/**', 'dist/**', 'coverage/**', 'reports/**', '.bench/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['policies/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbid(
        ['@aws-sdk/*', '@aws-lambda-powertools/*', 'node:*', 'fs', 'net', 'http', 'https', 'child_process', 'zod', 'yaml', '../controller/*', '../aws/*', '../sim/*', '../functions/*', '../cli/*'],
        'policies/ is the pure decision core: no SDK, no I/O, no other layer.',
      )],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'policies/ never reads the clock: take now as an argument.' },
        { object: 'process', property: 'env', message: 'policies/ never reads the environment: take config as an argument.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'policies/ never reads the clock.' }],
      'no-restricted-globals': ['error', 'process', 'fetch', 'setTimeout', 'setInterval'],
    },
  },
  {
    files: ['controller/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', forbid(['../aws/*', '../sim/*', '../functions/*', '../cli/*', '@aws-sdk/*'], 'controller/ declares the Cloud port; aws/ and sim/ implement it, functions/ and cli/ call it.')] },
  },
  {
    files: ['aws/**/*.ts', 'sim/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', forbid(['../functions/*', '../cli/*'], 'aws/ and sim/ implement the port; they do not call the entry points.')] },
  },
);
