import http from 'node:http';
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { Redis } from 'ioredis';
import { OpenAI, OpenAIAgent, type ChatMessage } from 'llamaindex';
import { makeTools } from './tools.js';

const SYSTEM_PROMPT =
  'You are the Acme support assistant. Use the tools to look up orders; never invent tracking numbers. ' +
  'If the customer is unhappy after two answers, open a ticket.';

const requestCtx = new AsyncLocalStorage<{ customerId: string }>();

async function readJson(req: http.IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  const llm = new OpenAI({ model: process.env.OPENAI_MODEL ?? 'gpt-4o-mini', temperature: 0.2 });
  const tools = makeTools({ pool, redis }, () => requestCtx.getStore()!.customerId);

  const server = http.createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/chat') {
      res.writeHead(404).end();
      return;
    }
    const customerId = req.headers['x-customer-id'];
    if (typeof customerId !== 'string') {
      res.writeHead(401).end();
      return;
    }
    try {
      const { sessionId, message } = await readJson(req);
      const historyKey = `chat:${customerId}:${sessionId}`;
      const chatHistory: ChatMessage[] = JSON.parse((await redis.get(historyKey)) ?? '[]');
      if (chatHistory.length === 0) chatHistory.push({ role: 'system', content: SYSTEM_PROMPT });

      // The agent object only holds this conversation's history; the LLM client,
      // pool and redis connection are the shared ones built above.
      const agent = new OpenAIAgent({ llm, tools, chatHistory: [...chatHistory] });
      const response = await requestCtx.run({ customerId }, () => agent.chat({ message }));
      const answer = String(response.message.content);

      chatHistory.push({ role: 'user', content: message }, { role: 'assistant', content: answer });
      await redis.set(historyKey, JSON.stringify(chatHistory.slice(-30)), 'EX', 60 * 60 * 24);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ answer }));
    } catch (err) {
      console.error('chat failed', err);
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'agent_error' }));
    }
  });

  server.listen(Number(process.env.PORT ?? 8787), () => console.info('support agent listening'));

  const shutdown = () =>
    server.close(async () => {
      await Promise.allSettled([pool.end(), redis.quit()]);
      process.exit(0);
    });
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
