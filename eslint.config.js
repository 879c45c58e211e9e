import tseslint from 'typescript-eslint';

const coreForbidden = [
  { group: ['**/bots/**', '**/prisma/**', '**/app/**', '**/cli/**', '**/web/**'], message: 'core/ is plain domain code: it may import only core/ and small pure libraries.' },
  { group: ['@prisma/*', 'express', 'ws', 'telegraf', 'wechaty*', 'botbuilder*', 'node:http', 'http', 'pg', 'better-sqlite3'], message: 'core/ never imports storage, transport or channel SDKs; declare a port in core/ports.ts.' },
];

export default tseslint.config(
  { ignores: ['.scratch/**', 'dist/**', 'node_modules/**', 'prisma/generated/**', 'web/static/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: coreForbidden }] } },
  {
    files: ['**/*.ts'],
    ignores: ['prisma/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@prisma/*', '**/prisma/generated/**'], message: 'Only prisma/ (the storage module) imports the Prisma client.' }] }] },
  },
  { files: ['core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [...coreForbidden] }] } },
  {
    files: ['bots/**/*.ts', 'knowledge/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/app/**', '**/cli/**', '**/prisma/**', '@prisma/*'], message: 'bots/ and knowledge/ depend on core/ only; app/ wires them together.' },
      ] }],
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
