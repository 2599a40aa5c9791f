import type { LineContext } from 'bottender';
import { tickets, nextTicketNumber } from '../db';
import { track } from '../analytics';
import { getTranslator, parentPath } from '../lib/translate';

function userIdOf(context: LineContext): string {
  return context.session?.user?.id ?? 'anonymous';
}

export async function OpenTicket(context: LineContext): Promise<void> {
  const userId = userIdOf(context);
  const subject = context.event.text.replace(/^ticket\s*/i, '').trim() || 'No subject';
  const number = await nextTicketNumber();
  const now = new Date();
  await tickets.insertOne({
    _id: `T-${number}`,
    lineUserId: userId,
    subject,
    originalText: context.event.text,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  context.setState({ openTicketId: `T-${number}` });
  await track('ticket_opened', userId, { ticket: `T-${number}` });
  await context.sendText(`Ticket T-${number} opened. Tell us more and we'll get back to you.`);
}

export async function TranslateAndFile(context: LineContext): Promise<void> {
  const userId = userIdOf(context);
  const ticketId = (context.state as { openTicketId: string | null }).openTicketId;
  const text: string = context.event.text;

  const translator = getTranslator();
  const [result] = await translator.translateText({
    parent: parentPath(),
    contents: [text],
    mimeType: 'text/plain',
    targetLanguageCode: 'en',
  });
  const translation = result.translations?.[0];
  const translatedText = translation?.translatedText ?? text;
  const sourceLang = translation?.detectedLanguageCode ?? 'und';

  if (ticketId) {
    await tickets.updateOne(
      { _id: ticketId },
      {
        $set: { translatedText, sourceLang, status: 'pending', updatedAt: new Date() },
      },
    );
    await track('ticket_message', userId, { ticket: ticketId, sourceLang });
    await context.sendText(`Added to ${ticketId}. An agent will reply soon.`);
  } else {
    await track('translated', userId, { sourceLang });
    await context.sendText('Type "ticket <subject>" to open a support ticket.');
  }
  context.setState({ lang: sourceLang });
}

export async function CloseTicket(context: LineContext): Promise<void> {
  const ticketId = (context.state as { openTicketId: string | null }).openTicketId;
  if (!ticketId) {
    await context.sendText('You have no open ticket.');
    return;
  }
  await tickets.updateOne({ _id: ticketId }, { $set: { status: 'closed', updatedAt: new Date() } });
  context.setState({ openTicketId: null });
  await context.sendText(`${ticketId} closed. Thanks!`);
}
