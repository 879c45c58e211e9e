import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { knowledgeAdminContract } from './contract-knowledge-admin.js';

describe('knowledge-admin contract on the in-memory repositories', () => {
  const repos = createInMemoryRepositories();
  knowledgeAdminContract(() => repos);
});
