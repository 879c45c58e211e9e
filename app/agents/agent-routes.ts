import { Router } from 'express';
import type { AgentDesk } from '../../core/handoff/agent-desk.js';
import type { AgentQueries } from '../../core/handoff/agent-queries.js';
import { toUserView } from '../../core/handoff/agent-views.js';
import type { CannedReplies } from '../../core/handoff/canned-replies.js';
import { buildTranscript, transcriptText } from '../../core/handoff/transcript.js';
import type { Clock } from '../../core/ports.js';
import type { Conversation } from '../../core/types.js';
import type { AuthService } from '../../core/users/auth-service.js';
import { toMessageView } from '../../core/views.js';
import { cannedBody, cannedPatch, detailQuery, listQuery, parse, presenceBody, textBody, transcriptQuery, transferBody } from './agent-schemas.js';
import { requireSession, signedIn } from './session-auth.js';

export interface AgentRoutesDeps {
  auth: AuthService;
  desk: AgentDesk;
  queries: AgentQueries;
  canned: CannedReplies;
  clock: Clock;
  /** Transcript times are written on this wall clock. */
  timeZone: string;
}

const state = (c: Conversation) => ({ conversation: { id: c.id, status: c.status, assigneeId: c.assigneeId } });

/** The agent API under /api/agent: every route needs a session; the services check role and ownership. */
export function createAgentRouter(deps: AgentRoutesDeps): Router {
  const { desk, queries, canned } = deps;
  const router = Router();
  router.use('/api/agent', requireSession(deps.auth), (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const user = (res: Parameters<typeof signedIn>[0]) => signedIn(res).user;

  router.get('/api/agent/conversations', async (req, res) => {
    const { status } = parse(listQuery, req.query);
    res.json({ conversations: await queries.list(user(res), status) });
  });
  router.get('/api/agent/conversations/:id', async (req, res) => {
    const { reveal } = parse(detailQuery, req.query);
    res.json(await queries.detail(user(res), req.params.id, { reveal }));
  });
  router.post('/api/agent/conversations/:id/claim', async (req, res) => {
    res.json(state(await desk.claim(user(res), req.params.id)));
  });
  router.post('/api/agent/conversations/:id/messages', async (req, res) => {
    const { text } = parse(textBody, req.body);
    res.status(201).json({ message: toMessageView(await desk.send(user(res), req.params.id, text)) });
  });
  router.get('/api/agent/conversations/:id/notes', async (req, res) => {
    res.json({ notes: (await queries.detail(user(res), req.params.id)).notes });
  });
  router.post('/api/agent/conversations/:id/notes', async (req, res) => {
    const { text } = parse(textBody, req.body);
    res.status(201).json({ note: await desk.note(user(res), req.params.id, text) });
  });
  router.post('/api/agent/conversations/:id/transfer', async (req, res) => {
    const { agentId } = parse(transferBody, req.body);
    res.json(state(await desk.transfer(user(res), req.params.id, agentId)));
  });
  router.post('/api/agent/conversations/:id/close', async (req, res) => {
    res.json(state(await desk.close(user(res), req.params.id)));
  });
  router.get('/api/agent/conversations/:id/transcript', async (req, res) => {
    const { format } = parse(transcriptQuery, req.query);
    const doc = buildTranscript(await queries.detail(user(res), req.params.id), deps.clock.now(), deps.timeZone);
    const name = `kefu-transcript-${doc.conversation.id}.${format === 'json' ? 'json' : 'txt'}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'json') res.json(doc);
    else res.type('text/plain; charset=utf-8').send(transcriptText(doc));
  });

  router.put('/api/agent/presence', async (req, res) => {
    const { status } = parse(presenceBody, req.body);
    res.json({ user: toUserView(await desk.setPresence(user(res), status)) });
  });
  router.get('/api/agent/agents', async (_req, res) => {
    res.json({ agents: await queries.agents() });
  });

  router.get('/api/agent/canned-replies', async (_req, res) => {
    res.json({ cannedReplies: await canned.list(user(res)) });
  });
  router.post('/api/agent/canned-replies', async (req, res) => {
    res.status(201).json({ cannedReply: await canned.create(user(res), parse(cannedBody, req.body)) });
  });
  router.put('/api/agent/canned-replies/:id', async (req, res) => {
    res.json({ cannedReply: await canned.update(user(res), req.params.id, parse(cannedPatch, req.body)) });
  });
  router.delete('/api/agent/canned-replies/:id', async (req, res) => {
    await canned.delete(user(res), req.params.id);
    res.status(204).end();
  });
  return router;
}
