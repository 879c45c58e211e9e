import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { orderContract } from './contract-orders.js';

describe('order contract on the in-memory repositories', () => {
  const repos = createInMemoryRepositories();
  orderContract(() => repos);
});
