import { openai } from '@ai-sdk/openai';
import { Agent, VoltAgent } from '@voltagent/core';
import { VercelAIProvider } from '@voltagent/vercel-ai';
import { Pool as HttpPool } from 'undici';
import { openPool } from './db.js';
import { makeTools } from './tools.js';

async function main(): Promise<void> {
  const db = await openPool();
  const carrier = new HttpPool(process.env.CARRIER_API_URL ?? 'https://api.parcelnet.example', {
    connections: 16,
    keepAliveTimeout: 30_000,
  });

  const supportAgent = new Agent({
    name: 'support-desk',
    instructions:
      'You are Northwind customer support. Use the tools to look up orders, track parcels and open returns. ' +
      'Never promise refunds; returns are reviewed by the warehouse team.',
    llm: new VercelAIProvider(),
    model: openai('gpt-4o-mini'),
    tools: makeTools({ db, carrier }),
  });

  new VoltAgent({
    agents: { supportAgent },
  });

  const shutdown = async (signal: string) => {
    console.log(`[support-desk] ${signal}: closing clients`);
    await Promise.allSettled([db.end(), carrier.close()]);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('[support-desk] failed to start', err);
  process.exit(1);
});
