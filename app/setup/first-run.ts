import type { UserRepository } from '../../core/ports.js';
import { needsSetup } from './setup-routes.js';
import { setupToken } from './setup-token.js';

/** No account is created silently: whoever runs Kefu chooses the first admin, in the browser or with the CLI. */
export async function printFirstRun(port: number, users: UserRepository, secret: string): Promise<void> {
  if (!(await needsSetup(users))) return;
  console.log(
    `\n首次运行 / First run: create the first admin in your browser (this link works until an admin exists):\n` +
      `  http://localhost:${port}/console/setup.html#token=${setupToken(secret)}\n` +
      `or on the command line: kefu user add --email you@example.com --password '<a long password>' --role admin\n`,
  );
}
