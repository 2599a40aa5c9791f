import { z } from 'genkit';
import { ai } from './ai.js';
import { lookupOrder, searchHelpCenter } from './tools.js';

const SupportInput = z.object({
  conversationId: z.string(),
  customerEmail: z.string().email(),
  message: z.string().min(1),
});

const SupportOutput = z.object({
  reply: z.string(),
  escalate: z.boolean(),
});

export const supportFlow = ai.defineFlow(
  {
    name: 'supportFlow',
    inputSchema: SupportInput,
    outputSchema: SupportOutput,
  },
  async ({ conversationId, customerEmail, message }) => {
    const { output } = await ai.generate({
      system:
        'You are the Acme support assistant. Use the tools to answer questions about ' +
        'orders and policies. If the customer asks for a refund over 200 EUR, set escalate.',
      prompt: `Customer <${customerEmail}> (conversation ${conversationId}) writes:\n${message}`,
      tools: [lookupOrder, searchHelpCenter],
      output: { schema: SupportOutput },
      maxTurns: 4,
    });
    if (!output) {
      return { reply: 'Sorry, something went wrong. A human agent will follow up.', escalate: true };
    }
    return output;
  },
);

export const summarizeFlow = ai.defineFlow(
  {
    name: 'summarizeConversation',
    inputSchema: z.object({ transcript: z.string() }),
    outputSchema: z.string(),
  },
  async ({ transcript }) => {
    const { text } = await ai.generate(
      `Summarize this support conversation in three bullet points:\n\n${transcript}`,
    );
    return text;
  },
);
