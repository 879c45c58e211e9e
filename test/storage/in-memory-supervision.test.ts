import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { supervisionContract } from './contract-supervision.js';

describe('supervision contract on the in-memory repositories', () => {
  const repos = createInMemoryRepositories();
  supervisionContract(() => repos);
});
