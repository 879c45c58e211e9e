/**
 * The bench's yardstick: a bare express 5 server that parses the JSON body and echoes it, on the port given as the
 * first argument. Run as its own process, started like the real server.
 */
import express from 'express';

const app = express();
app.use(express.json({ limit: '100kb' }));
app.use((req, res) => {
  res.json(req.body ?? {});
});
app.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
