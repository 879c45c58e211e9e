import type { MessageView } from '../../core/views.js';
import { WebchatClient } from '../webchat/webchat-harness.js';
import { AgentClient, startAgentHarness, type AgentHarness, type Frame } from './agent-harness.js';

let h: AgentHarness;
let customers: WebchatClient;

beforeAll(async () => {
  h = await startAgentHarness();
  customers = new WebchatClient(h.url);
  await Promise.all([h.addUser('ann'), h.addUser('bob'), h.addUser('sue', 'supervisor')]);
});
afterAll(() => h?.close());

const messagesOf = (frames: Frame[], conversationId: string) =>
  frames.filter((f) => f.type === 'message' && f.conversationId === conversationId).map((f) => f.message as MessageView);

describe('the console socket', () => {
  it('refuses a socket without a session (4401) or from another site (4403)', async () => {
    const anon = new AgentClient(h.url).socket();
    await anon.until(() => anon.closeCode !== undefined);
    expect(anon.closeCode).toBe(4401);
    const ann = await AgentClient.signIn(h.url, 'ann');
    const foreign = ann.socket('https://evil.example');
    await foreign.until(() => foreign.closeCode !== undefined);
    expect(foreign.closeCode).toBe(4403);
  });

  it('shows an agent every message a customer writes while queued, once each and in order', async () => {
    const ann = await AgentClient.signIn(h.url, 'ann');
    const socket = ann.socket();
    await socket.until(() => socket.of('ready').length === 1);
    const chat = await customers.start();
    await customers.send(chat, { text: '转人工' });
    await socket.until(() => socket.of('event').some((f) => (f.event as { change: string }).change === 'queued'));
    socket.send({ type: 'watch', conversationId: chat.conversationId, afterSeq: 0 });
    await socket.until(() => socket.of('watching').length === 1);
    // The customer keeps writing, some messages at once, while nobody has claimed the conversation yet.
    const texts = Array.from({ length: 12 }, (_, i) => `第${i + 1}条消息`);
    await Promise.all(texts.slice(0, 6).map((text, i) => customers.send(chat, { text, clientMessageId: `c${i}` })));
    for (const [i, text] of texts.slice(6).entries()) await customers.send(chat, { text, clientMessageId: `d${i}` });
    // The bot cannot answer them, so each also gets a word that people will (the place in the queue).
    await socket.until(() => messagesOf(socket.frames, chat.conversationId).length === 26);
    const seen = messagesOf(socket.frames, chat.conversationId);
    expect(seen.map((m) => m.seq)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(seen.slice(0, 2).map((m) => m.author)).toEqual(['customer', 'system']);
    const written = seen.slice(2).filter((m) => m.author === 'customer').map((m) => m.text);
    expect(new Set(written)).toEqual(new Set(texts));
    expect(written.slice(6)).toEqual(texts.slice(6));
    const stored = (await customers.transcript(chat)).map((m) => m.text);
    expect(seen.map((m) => m.text)).toEqual(stored);

    // After claiming, the agent's own reply and notes arrive live too.
    await ann.post(`/api/agent/conversations/${chat.conversationId}/claim`);
    await ann.post(`/api/agent/conversations/${chat.conversationId}/messages`, { text: '来了' });
    await ann.post(`/api/agent/conversations/${chat.conversationId}/notes`, { text: '内部：客户很着急' });
    await socket.until(() => socket.of('note').length === 1 && messagesOf(socket.frames, chat.conversationId).some((m) => m.text === '来了'));
    expect(socket.of('note')[0]).toMatchObject({ note: { text: '内部：客户很着急', authorName: 'ann' } });
    socket.close();
  });

  it('keeps another agent’s conversations to that agent and supervisors', async () => {
    const [ann, bob, sue] = await Promise.all([AgentClient.signIn(h.url, 'ann'), AgentClient.signIn(h.url, 'bob'), AgentClient.signIn(h.url, 'sue')]);
    const [bobSocket, sueSocket] = [bob.socket(), sue.socket()];
    await bobSocket.until(() => bobSocket.of('ready').length === 1);
    await sueSocket.until(() => sueSocket.of('ready').length === 1);
    const chat = await customers.start();
    await customers.send(chat, { text: '转人工' });
    await ann.post(`/api/agent/conversations/${chat.conversationId}/claim`);
    await customers.send(chat, { text: '我的地址写错了' });
    const changes = (frames: Frame[]) =>
      frames.filter((f) => f.type === 'event' && (f.event as { conversationId?: string }).conversationId === chat.conversationId).map((f) => (f.event as { change: string }).change);
    await sueSocket.until(() => changes(sueSocket.frames).includes('message'));
    expect(changes(sueSocket.frames)).toEqual(['queued', 'claimed', 'message']);
    expect(changes(bobSocket.frames)).toEqual(['queued']);
    bobSocket.send({ type: 'watch', conversationId: chat.conversationId });
    await bobSocket.until(() => bobSocket.of('error').length === 1);
    expect(bobSocket.of('error')[0]).toMatchObject({ conversationId: chat.conversationId, error: { code: 'forbidden' } });
    expect(messagesOf(bobSocket.frames, chat.conversationId)).toEqual([]);
    bobSocket.close();
    sueSocket.close();
  });

  it('closes the socket when its session signs out', async () => {
    const bob = await AgentClient.signIn(h.url, 'bob');
    const socket = bob.socket();
    await socket.until(() => socket.of('ready').length === 1);
    await bob.post('/api/auth/logout');
    await socket.until(() => socket.closeCode !== undefined);
    expect(socket.closeCode).toBe(4401);
  });
});
