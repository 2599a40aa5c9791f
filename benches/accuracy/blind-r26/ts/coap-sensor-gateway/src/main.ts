import coap from 'coap';
import { connectWithRetry, createRedis } from './clients';
import { makeHandler } from './handler';

async function main(): Promise<void> {
  const pool = await connectWithRetry();
  const redis = createRedis();
  const handle = makeHandler({ pool, redis });

  const server = coap.createServer({ type: 'udp6' });
  server.on('request', (req, res) => {
    void handle(req, res);
  });

  const port = Number(process.env.COAP_PORT ?? 5683);
  server.listen(port, () => console.log(`coap gateway listening on udp/${port}`));

  const stop = () => {
    server.close(async () => {
      await pool.end();
      redis.disconnect();
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error('gateway failed to start', err);
  process.exit(1);
});
