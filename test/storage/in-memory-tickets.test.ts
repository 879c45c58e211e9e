import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { ticketContract } from './contract-tickets.js';

describe('ticket contract on the in-memory repositories', () => {
  const repos = createInMemoryRepositories();
  ticketContract(() => repos);
});
