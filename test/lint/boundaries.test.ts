// The boundaries the folder READMEs claim, checked the way `npm run lint` checks them: probe files linted with the
// project's own eslint.config.js at paths inside the folders (nothing is written to disk).
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint confines each layer and each channel SDK', () => {
  it('refuses another channel’s SDK in a channel folder, and accepts its own', async () => {
    expect(await problems('bots/wechat/probe.ts', "import { Telegraf } from 'telegraf';\nexport const t = Telegraf;\n"))
      .toEqual([expect.stringContaining('channel SDK is imported only in its own folder')]);
    expect(await problems('bots/telegram/probe.ts', "import { CloudAdapter } from 'botbuilder';\nexport const c = CloudAdapter;\n")).toHaveLength(1);
    expect(await problems('bots/wecom/probe.ts', "import { WechatyBuilder } from 'wechaty';\nexport const w = WechatyBuilder;\n")).toHaveLength(1);
    expect(await problems('bots/telegram/probe.ts', "import { Telegraf } from 'telegraf';\nexport const t = Telegraf;\n")).toEqual([]);
  });

  it('refuses channel SDKs outside bots/ (app/ loads adapters, never SDKs)', async () => {
    expect(await problems('app/probe.ts', "import { Telegram } from 'telegraf';\nexport const t = Telegram;\n")).toHaveLength(1);
    expect(await problems('core/probe.ts', "import type { Wechaty } from 'wechaty';\nexport type W = Wechaty;\n")).toHaveLength(1);
    expect(await problems('bots/delivery/probe.ts', "import { decryptMessage } from '@wecom/crypto';\nexport const d = decryptMessage;\n")).toHaveLength(1);
  });

  it('keeps prisma/ off app/, bots/ and cli/', async () => {
    expect(await problems('prisma/probe.ts', "import { loadConfig } from '../app/config.js';\nexport const l = loadConfig;\n"))
      .toEqual([expect.stringContaining('prisma/ is the storage module')]);
    expect(await problems('prisma/repositories/probe.ts', "import { render } from '../../bots/render.js';\nexport const r = render;\n")).toHaveLength(1);
    expect(await problems('prisma/probe.ts', "import type { Conversation } from '../core/types.js';\nexport type C = Conversation;\n")).toEqual([]);
  });

  it('keeps bots/ off app/ and prisma/, and core/ off everything outside it', async () => {
    expect(await problems('bots/telegram/probe.ts', "import { loadConfig } from '../../app/config.js';\nexport const l = loadConfig;\n")).toHaveLength(1);
    expect(await problems('core/probe.ts', "import { render } from '../bots/render.js';\nexport const r = render;\n")).toHaveLength(1);
  });
});
