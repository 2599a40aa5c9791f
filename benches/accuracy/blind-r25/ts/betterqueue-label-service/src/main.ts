import http from 'node:http';
import Queue from 'better-queue';
import { Pool as HttpPool } from 'undici';
import { connectWithRetry } from './db';
import { makeProcessor, type LabelJob, type LabelResult } from './processor';

async function main(): Promise<void> {
  const pool = await connectWithRetry();
  const carrier = new HttpPool(process.env.CARRIER_URL ?? 'https://api.carrier.example', {
    connections: 8,
    keepAliveTimeout: 30_000,
  });

  const queue = new Queue<LabelJob, LabelResult>(makeProcessor({ pool, carrier }), {
    concurrent: 4,
    maxRetries: 3,
    retryDelay: 2_000,
    maxTimeout: 60_000,
    id: 'parcelId',
  });

  queue.on('task_finish', (taskId: string, result: LabelResult) => {
    console.log(`label bought for parcel ${taskId}: ${result.trackingNo}`);
  });
  queue.on('task_failed', (taskId: string, err: Error) => {
    console.error(`parcel ${taskId} failed after retries: ${err.message}`);
  });

  // The packing-station app posts here when a parcel is sealed.
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/parcels/sealed') {
      res.writeHead(404).end();
      return;
    }
    let raw = '';
    for await (const chunk of req) raw += chunk;
    try {
      const job = JSON.parse(raw) as LabelJob;
      if (!Number.isInteger(job.parcelId)) throw new Error('parcelId required');
      queue.push({ parcelId: job.parcelId, service: job.service ?? 'standard' });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"queued":true}');
    } catch (err) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: (err as Error).message }));
    }
  });
  server.listen(Number(process.env.PORT ?? 8081));

  const shutdown = () => {
    server.close();
    queue.destroy(async () => {
      await carrier.close();
      await pool.end();
      process.exit(0);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
