/** What supervisors are alerted to. */
export const ALERT_KINDS = ['sla_warning', 'sla_breach', 'escalation', 'low_satisfaction', 'queue_over', 'channel_down', 'abuse'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertSeverity = 'info' | 'warning' | 'critical';

export interface Alert {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** One line: what happened. */
  title: string;
  /** A few lines for people: what, where, what to do. No customer message text. */
  text: string;
  ticketId: string | null;
  ticketNumber: string | null;
  conversationId: string | null;
  at: Date;
}

export type NewAlert = Omit<Alert, 'id' | 'at' | 'ticketId' | 'ticketNumber' | 'conversationId'> &
  Partial<Pick<Alert, 'ticketId' | 'ticketNumber' | 'conversationId'>>;

/** An outside place alerts go to, as configured (KEFU_ALERT_TARGETS); `name` is what routes refer to. */
export type AlertTarget =
  | { name: string; type: 'webhook'; url: string; secret: string }
  | { name: string; type: 'wecom'; url: string }
  | { name: string; type: 'dingtalk'; url: string; secret?: string }
  | { name: string; type: 'email'; smtp: string; from: string; to: string[] };

/** Which kinds are on, and which outside targets each goes to (the console gets every kind that is on). */
export interface AlertRouting {
  targets: AlertTarget[];
  /** Per kind: target names; `false` switches the kind off entirely. A kind not listed goes to every target. */
  routes: Partial<Record<AlertKind, string[] | false>>;
}

/** Delivers one alert to one outside target; throws when the target refused or could not be reached. */
export interface AlertSender {
  send(target: AlertTarget, alert: Alert): Promise<void>;
}

/** Alerts are published here for the console (supervisors and admins). */
export const ALERTS_TOPIC = 'alerts';
