import Anthropic from '@anthropic-ai/sdk';
import { runTool, toolDefs } from './tools.js';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY, maxRetries: 2 });
const MODEL = process.env.SUPPORT_MODEL ?? 'claude-3-5-sonnet-latest';
const SYSTEM =
  'You are the order-support assistant for Northwind Outfitters. Use the tools to answer questions about the ' +
  "customer's own orders. Never invent tracking data. Offer a refund only when a line is marked lost.";

export async function answer(customerId: string, history: Anthropic.MessageParam[]): Promise<string> {
  const messages = [...history];
  for (let step = 0; step < 6; step++) {
    const msg = await anthropic.messages.create({
      model: MODEL,
      max_tokens: 1024,
      system: SYSTEM,
      tools: toolDefs,
      messages,
    });
    messages.push({ role: 'assistant', content: msg.content });

    if (msg.stop_reason !== 'tool_use') {
      return msg.content
        .filter((b): b is Anthropic.TextBlock => b.type === 'text')
        .map((b) => b.text)
        .join('\n');
    }

    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of msg.content) {
      if (block.type !== 'tool_use') continue;
      const output = await runTool(customerId, block.name, block.input as Record<string, unknown>);
      results.push({ type: 'tool_result', tool_use_id: block.id, content: JSON.stringify(output) });
    }
    messages.push({ role: 'user', content: results });
  }
  return 'Sorry, I could not finish that request. A human agent will follow up.';
}
