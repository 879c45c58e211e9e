// The `rest` order connector against a local fake store (docs/orders-api.md): signature, 404, timeout, retries on
// 5xx, the circuit breaker and the short cache. Outcomes are what the store saw and what the connector returned.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { load } from 'js-yaml';
import { parseRestOrder } from '../../app/orders/rest-order-schema.js';
import { DEFAULT_REST_SETTINGS, RestOrderConnector, type RestOrderSettings } from '../../app/orders/rest-order-connector.js';
import { demoOrders } from '../../app/orders/demo-orders.js';
import { ManualClock, silentLogger } from '../core/conversation-harness.js';
import { FakeStore } from './fake-store.js';

const SECRET = 'store-shared-secret-0123456789';
const clock = new ManualClock(new Date('2026-12-06T08:00:00Z'));
const orders = demoOrders(clock.now());
const shipped = orders.find((o) => o.number === '20261128-0002')!;
let store: FakeStore;

beforeAll(async () => {
  store = await FakeStore.start({ secret: SECRET, orders, now: () => clock.now() });
});
afterAll(async () => {
  await store.stop();
});
beforeEach(() => {
  store.requests.length = 0;
  store.script.length = 0;
});

const connector = (overrides: Partial<RestOrderSettings> = {}) => new RestOrderConnector(
  { ...DEFAULT_REST_SETTINGS, url: store.url, secret: SECRET, timeoutMs: 10_000, retryDelayMs: 1, ...overrides }, clock, silentLogger,
);

describe('rest order connector against a fake store', () => {
  it('sends signed requests and reads the order back whole; an unknown number is null', async () => {
    const orders = connector();
    expect(await orders.find('20261128-0002')).toEqual(shipped);
    expect(await orders.find('2099 0101 0000')).toBeNull();
    expect(store.requests).toEqual([{ path: '/orders/202611280002', signed: true }, { path: '/orders/209901010000', signed: true }]);
  });

  it('is refused by the store with the wrong secret, and does not retry a refusal', async () => {
    const orders = connector({ secret: 'another-secret-entirely-000000' });
    await expect(orders.find('20261128-0002')).rejects.toMatchObject({ code: 'unavailable' });
    expect(store.requests).toEqual([{ path: '/orders/202611280002', signed: false }]);
  });

  it('gives up on a store that does not answer in time, without retrying', async () => {
    store.script.push('hang');
    await expect(connector({ timeoutMs: 300 }).find('20261128-0002')).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('timed out') });
    expect(store.requests).toHaveLength(1);
  });

  it('retries server errors and answers once the store recovers; stops after its retries', async () => {
    store.script.push(503, 502);
    expect(await connector().find('20261128-0002')).toEqual(shipped);
    expect(store.requests).toHaveLength(3);
    store.requests.length = 0;
    store.script.push(500, 500, 500, 500);
    await expect(connector({ retries: 2 }).find('20261128-0002')).rejects.toMatchObject({ code: 'unavailable' });
    expect(store.requests).toHaveLength(3);
  });

  it('refuses an answer that is not an order', async () => {
    store.script.push('garbage');
    await expect(connector().find('20261128-0002')).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('opens the circuit after repeated failures, lets one trial through after the pause, and closes on success', async () => {
    const orders = connector({ retries: 0, breaker: { threshold: 2, openMs: 60_000 }, cacheMs: 0 });
    store.script.push(500, 500);
    await expect(orders.find('20261128-0002')).rejects.toMatchObject({ code: 'unavailable' });
    await expect(orders.find('20261128-0002')).rejects.toMatchObject({ code: 'unavailable' });
    await expect(orders.find('20261128-0002')).rejects.toMatchObject({ code: 'unavailable', message: 'order store circuit open' });
    expect(store.requests).toHaveLength(2);
    clock.advance(60_001);
    store.script.push(500);
    await expect(orders.find('20261128-0002')).rejects.toMatchObject({ code: 'unavailable' });
    await expect(orders.find('20261128-0002')).rejects.toMatchObject({ message: 'order store circuit open' });
    expect(store.requests).toHaveLength(3);
    clock.advance(60_001);
    expect(await orders.find('20261128-0002')).toEqual(shipped);
    expect(await orders.find('20261128-0002')).toEqual(shipped);
    expect(store.requests).toHaveLength(5);
  });

  it('reuses an answer briefly, then asks the store again', async () => {
    const orders = connector({ cacheMs: 30_000 });
    await orders.find('20261128-0002');
    await orders.find('2026-1128-0002');
    await orders.find('20990101-0000');
    await orders.find('20990101-0000');
    expect(store.requests).toHaveLength(2);
    clock.advance(30_001);
    await orders.find('20261128-0002');
    expect(store.requests).toHaveLength(3);
  });
});

describe('docs/orders-api.yaml', () => {
  // The documented schema and the connector's parser describe the same payload: what one accepts, so does the other.
  const spec = load(readFileSync('docs/orders-api.yaml', 'utf8')) as { components: { schemas: { Order: object } } };
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const documented = ajv.compile(spec.components.schemas.Order);

  it('documents every demo order the connector reads, and refuses what the connector refuses', () => {
    for (const order of orders) {
      const wire = JSON.parse(JSON.stringify(order)) as unknown;
      expect(documented(wire) ? null : ajv.errorsText(documented.errors)).toBeNull();
      expect(parseRestOrder(wire)).toEqual(order);
    }
    for (const bad of [{ ...shipped, status: 'lost' }, { ...shipped, items: [{ name: 'x', quantity: -1, price: 1 }] }, { number: 42 }]) {
      const wire = JSON.parse(JSON.stringify(bad)) as unknown;
      expect(documented(wire)).toBe(false);
      expect(parseRestOrder(wire)).toBeNull();
    }
  });
});
