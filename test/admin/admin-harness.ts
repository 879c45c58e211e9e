import { AgentClient, startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';

export interface AdminHarness {
  h: AgentHarness;
  admin: AgentClient;
  close(): Promise<void>;
}

/** A real Kefu (fresh SQLite, built-in FAQ set) with a signed-in admin `ada`. */
export async function startAdminHarness(options: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<AdminHarness> {
  const h = await startAgentHarness(options);
  await h.addUser('ada', 'admin');
  const admin = await AgentClient.signIn(h.url, 'ada');
  return { h, admin, close: () => h.close() };
}

/** Posts a file as the raw request body, as the console's import does. */
export async function upload<T>(client: AgentClient, path: string, content: string, type = 'text/csv'): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': type };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrfToken) headers['x-csrf-token'] = client.csrfToken;
  const res = await fetch(`${client.baseUrl}${path}`, { method: 'POST', headers, body: content });
  return { status: res.status, body: (await res.json()) as T };
}
