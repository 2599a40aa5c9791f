#!/usr/bin/env node
import readline from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
import { ChatOpenAI } from '@langchain/openai';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { MemorySaver } from '@langchain/langgraph';
import { HumanMessage } from '@langchain/core/messages';
import { closeClients, connectClients } from './clients.js';
import { buildTools } from './tools.js';

async function main(): Promise<void> {
  const clients = await connectClients();
  const agent = createReactAgent({
    llm: new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 }),
    tools: buildTools(clients),
    checkpointSaver: new MemorySaver(),
  });

  const rl = readline.createInterface({ input: stdin, output: stdout });
  const threadId = `cli-${process.pid}`;
  try {
    for (;;) {
      const question = (await rl.question('kb> ')).trim();
      if (question === '') continue;
      if (question === '/exit') break;
      const state = await agent.invoke(
        { messages: [new HumanMessage(question)] },
        { configurable: { thread_id: threadId } },
      );
      const last = state.messages[state.messages.length - 1];
      console.log(String(last.content));
    }
  } finally {
    rl.close();
    await closeClients(clients);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
