import { startFlowServer } from '@genkit-ai/express';
import { supportFlow, summarizeFlow } from './flows.js';
import { sql } from './db.js';

const server = startFlowServer({
  flows: [supportFlow, summarizeFlow],
  port: Number(process.env.PORT ?? 3400),
  cors: { origin: 'https://app.acme.io' },
});

async function shutdown() {
  await server.stop();
  await sql.end({ timeout: 5 });
  process.exit(0);
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
