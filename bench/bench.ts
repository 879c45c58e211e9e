/**
 * `npm run bench [-- --quick] [-- --server | --matcher]`: the whole server against a bare express echo
 * (server/server-bench.ts), then the FAQ matcher against NLP.js (run.ts). `--quick` runs short server rounds only,
 * in about two minutes. `--root=DIR` benches the server built in another checkout (e.g. an older commit), same
 * load and machine. Prints only; writes no files.
 */
import { packageRoot } from '../knowledge/index.js';
import { runServerBench, serverTable } from './server/server-bench.js';

const argv = process.argv.slice(2);
const args = new Set(argv);
const root = argv.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? packageRoot();
const quick = args.has('--quick');
const server = quick || args.has('--server') || !args.has('--matcher');
const matcher = !quick && (args.has('--matcher') || !args.has('--server'));
const connections = 16;

if (server) {
  console.log(`Whole server vs a bare express 5 JSON echo (${quick ? 'quick' : 'full'} run, server at ${root})\n`);
  const results = await runServerBench(root, { quick, connections });
  console.log(serverTable(results, connections));
  console.log(`\n${JSON.stringify({ server: results })}\n`);
}
if (matcher) await import('./run.js');
