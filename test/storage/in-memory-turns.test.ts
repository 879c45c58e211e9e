import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { turnContract } from './contract-turns.js';

const repos = createInMemoryRepositories();
describe('in-memory repositories', () => turnContract(() => repos));
