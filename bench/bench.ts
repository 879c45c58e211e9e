/**
 * `npm run bench [-- --quick] [-- --server | --matcher | --orders]`: the whole server against a bare express echo
 * (server/server-bench.ts), then the FAQ matcher against NLP.js (run.ts) and order-question recognition
 * (orders/order-bench.ts). `--quick` runs short server rounds only,
 * in about two minutes. `--root=DIR` benches the server built in another checkout (e.g. an older commit), same
 * load and machine. Prints only; writes no files.
 */
import { packageRoot } from '../knowledge/index.js';
import { runServerBench, serverTable } from './server/server-bench.js';

const argv = process.argv.slice(2);
const args = new Set(argv);
const root = argv.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? packageRoot();
const quick = args.has('--quick');
const only = ['--server', '--matcher', '--orders'].some((a) => args.has(a));
const server = quick || args.has('--server') || !only;
const matcher = !quick && (args.has('--matcher') || !only);
const orders = !quick && (args.has('--orders') || !only);
const connections = 16;

if (server) {
  console.log(`Whole server vs a bare express 5 JSON echo (${quick ? 'quick' : 'full'} run, server at ${root})\n`);
  const results = await runServerBench(root, { quick, connections });
  console.log(serverTable(results, connections));
  console.log(`\n${JSON.stringify({ server: results })}\n`);
}
if (matcher) await import('./run.js');
if (orders) await import('./orders/order-bench.js');
