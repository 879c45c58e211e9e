import tseslint from 'typescript-eslint';

// Each channel SDK belongs to one folder of bots/; nothing else imports it (app/ loads adapters, never SDKs).
const CHANNEL_SDKS = {
  telegram: ['telegraf', 'telegraf/*'],
  wechat: ['wechaty', 'wechaty/*', 'wechaty-*', 'qrcode-terminal'],
  botframework: ['botbuilder', 'botbuilder/*', 'botbuilder-*', 'botframework-*'],
  wecom: ['@wecom/*'],
};
const sdksBut = (own) => Object.entries(CHANNEL_SDKS).filter(([channel]) => channel !== own).flatMap(([, sdks]) => sdks);
const sdkRule = (own) => ({ group: sdksBut(own), message: `A channel SDK is imported only in its own folder of bots/${own ? ` (this is bots/${own}/)` : ''}.` });

const prismaClient = { group: ['@prisma/*', '**/prisma/generated/**'], message: 'Only prisma/ (the storage module) imports the Prisma client.' };
const coreForbidden = [
  { group: ['**/bots/**', '**/prisma/**', '**/app/**', '**/cli/**', '**/web/**'], message: 'core/ is plain domain code: it may import only core/ and small pure libraries.' },
  { group: ['@prisma/*', 'express', 'ws', 'node:http', 'http', 'pg', 'better-sqlite3'], message: 'core/ never imports storage, transport or channel SDKs; declare a port in core/ports.ts.' },
  sdkRule(),
];
const botsForbidden = { group: ['**/app/**', '**/cli/**', '**/prisma/**', '@prisma/*'], message: 'bots/ and knowledge/ depend on core/ only; app/ wires them together.' };
const prismaForbidden = { group: ['**/app/**', '**/bots/**', '**/cli/**', '**/web/**'], message: 'prisma/ is the storage module: it implements core/ports.ts and imports only core/.' };

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// One entry per file group: for the same rule a later matching entry replaces an earlier one, it does not add to it.
export default tseslint.config(
  { ignores: ['.scratch/**', 'dist/**', 'node_modules/**', 'prisma/generated/**', 'web/static/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.ts'], rules: restrict(prismaClient, sdkRule()) },
  // Tests and benchmarks drive the SDKs' fakes (telegram-test-api, wechaty-puppet-mock) and read their types.
  { files: ['test/**/*.ts', 'bench/**/*.ts'], rules: restrict(prismaClient) },
  { files: ['core/**/*.ts'], rules: restrict(...coreForbidden) },
  { files: ['prisma/**/*.ts'], rules: restrict(prismaForbidden, sdkRule()) },
  { files: ['knowledge/**/*.ts', 'bots/*.ts', 'bots/delivery/**/*.ts', 'bots/webchat/**/*.ts'], rules: restrict(botsForbidden, sdkRule()) },
  ...Object.keys(CHANNEL_SDKS).map((channel) => ({ files: [`bots/${channel}/**/*.ts`], rules: restrict(botsForbidden, sdkRule(channel)) })),
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
