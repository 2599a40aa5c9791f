import type { LineContext } from 'bottender';
import { router, text } from 'bottender/router';
import { OpenTicket, TranslateAndFile, CloseTicket } from './actions/ticket';
import { track } from './analytics';

async function Greeting(context: LineContext): Promise<void> {
  await track('greeting', context.session?.user?.id ?? 'anonymous');
  await context.sendText('Hi! Type "ticket <subject>" to open a ticket, or "close" to close it.');
}

async function Fallback(context: LineContext): Promise<void> {
  await track('unknown', context.session?.user?.id ?? 'anonymous', { type: context.event.rawEvent.type });
  await context.sendText('Sorry, I can only read text messages for now.');
}

// Bottender calls App once for every incoming LINE webhook event.
export default async function App(context: LineContext): Promise<unknown> {
  if (!context.event.isText) {
    return Fallback;
  }
  return router([
    text(/^(hi|hello|hey)$/i, Greeting),
    text(/^ticket\b/i, OpenTicket),
    text(/^close$/i, CloseTicket),
    text('*', TranslateAndFile),
  ]);
}
