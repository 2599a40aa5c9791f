import { createServer } from 'node:http';

import { CopilotRuntime, OpenAIAdapter, copilotRuntimeNodeHttpEndpoint } from '@copilotkit/runtime';
import OpenAI from 'openai';

import { buildActions } from './actions.js';
import { closeClients } from './clients.js';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const serviceAdapter = new OpenAIAdapter({ openai, model: 'gpt-4o-mini' });
const runtime = new CopilotRuntime({ actions: buildActions });

const handler = copilotRuntimeNodeHttpEndpoint({
  endpoint: '/copilotkit',
  runtime,
  serviceAdapter,
});

const server = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200).end('ok');
    return;
  }
  return handler(req, res);
});

server.listen(Number(process.env.PORT ?? 4000), () => console.log('copilot runtime on :4000'));

process.on('SIGTERM', () => {
  server.close(async () => {
    await closeClients();
    process.exit(0);
  });
});
