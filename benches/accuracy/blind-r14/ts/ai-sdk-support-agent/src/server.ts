import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { streamText, type CoreMessage } from 'ai';
import { openai } from '@ai-sdk/openai';
import { supportTools } from './tools.js';
import { recordToolCalls } from './audit.js';

const SYSTEM = `You are the support assistant for Northwind Outfitters.
Use the tools to answer questions about orders. Never refund without explicit confirmation.`;

async function readJson(req: http.IncomingMessage): Promise<{ conversationId?: string; messages: CoreMessage[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const server = http.createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/chat') {
    res.writeHead(404).end();
    return;
  }

  const { conversationId = randomUUID(), messages } = await readJson(req);

  const result = streamText({
    model: openai('gpt-4o-mini'),
    system: SYSTEM,
    messages,
    tools: supportTools,
    maxSteps: 5,
    onStepFinish: async ({ toolCalls }) => {
      await recordToolCalls(
        toolCalls.map((c) => ({ conversationId, toolName: c.toolName, args: c.args })),
      );
    },
  });

  res.setHeader('x-conversation-id', conversationId);
  result.pipeDataStreamToResponse(res);
});

server.listen(Number(process.env.PORT ?? 3001), () => {
  console.log('support agent listening');
});
