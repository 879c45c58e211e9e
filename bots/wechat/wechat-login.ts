import qrcode from 'qrcode-terminal';
import { ScanStatus } from 'wechaty';

export type WechatLoginStatus = 'starting' | 'waiting-for-scan' | 'scanned' | 'logged-in' | 'logged-out' | 'stopped';

/** What an admin sees in the console to log the bot's WeChat account in. */
export interface WechatLoginState {
  status: WechatLoginStatus;
  /** The QR code's payload while a scan is awaited; the console renders it (it is never sent to a third party). */
  qrcode?: string;
  user?: { id: string; name: string };
  updatedAt: string;
}

/** The scan → login → logout cycle, and the QR code printed in the terminal. */
export class WechatLogin {
  private state: WechatLoginState = { status: 'starting', updatedAt: new Date().toISOString() };

  constructor(private readonly print: (art: string) => void) {}

  get current(): WechatLoginState {
    return { ...this.state };
  }

  scanned(code: string, status: ScanStatus): void {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      const changed = this.state.qrcode !== code;
      this.set({ status: 'waiting-for-scan', qrcode: code });
      if (changed && code) qrcode.generate(code, { small: true }, (art) => this.print(art));
    } else if (status === ScanStatus.Scanned) {
      this.set({ status: 'scanned' });
    }
  }

  loggedIn(user: { id: string; name: string }): void {
    this.set({ status: 'logged-in', user });
  }

  loggedOut(): void {
    this.set({ status: 'logged-out' });
  }

  stopped(): void {
    this.set({ status: 'stopped' });
  }

  private set(next: Omit<WechatLoginState, 'updatedAt'>): void {
    this.state = { ...next, updatedAt: new Date().toISOString() };
  }
}

export const printToTerminal = (art: string): void => {
  process.stdout.write(`\nScan this QR code with WeChat to log the Kefu bot in (扫码登录):\n${art}\n`);
};
