import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { deliveryContract } from './contract-deliveries.js';

describe('outbox contract on the in-memory repositories', () => {
  const repos = createInMemoryRepositories();
  deliveryContract(() => repos);
});
