import { DomainError } from '../errors.js';
import type { AuditRepository } from '../ports.js';
import type { Role, User } from '../types.js';
import type { MessageView } from '../views.js';
import { maskPersonalData } from './masking.js';

export interface PrivacySettings {
  /** Phones, e-mails, ID-card and card numbers masked for agents. */
  mask: boolean;
  /** Who may see them unmasked, on request; every reveal is audited. */
  revealRoles: readonly Role[];
}

export const NO_MASKING: PrivacySettings = { mask: false, revealRoles: ['admin', 'supervisor', 'agent'] };

/** Masking by default, reveal on request by the roles allowed to, with an audit line for each reveal and export. */
export class Privacy {
  constructor(private readonly settings: PrivacySettings, private readonly audit: Pick<AuditRepository, 'record'>) {}

  /** A masking function for what this user reads now; `reveal` asks for clear text (checked and audited). */
  async presenter(user: User, reveal: boolean, target: string): Promise<(text: string) => string> {
    if (!this.settings.mask) return (t) => t;
    if (!reveal) return maskPersonalData;
    if (!this.settings.revealRoles.includes(user.role)) {
      throw new DomainError('forbidden', `role ${user.role} may not reveal personal data`, { userMessage: 'Your role may not reveal personal data' });
    }
    await this.record(user, 'customer.reveal', target, 'revealed personal data');
    return (t) => t;
  }

  /** What lists and live messages show: masked unless masking is off. */
  text(text: string): string {
    return this.settings.mask ? maskPersonalData(text) : text;
  }

  message(view: MessageView): MessageView {
    return { ...view, text: this.text(view.text) };
  }

  async record(user: Pick<User, 'id' | 'email'> | { id: null; email: string }, action: string, target: string, summary: string): Promise<void> {
    await this.audit.record({ actor: { id: user.id, name: user.email }, action, target, summary });
  }
}
