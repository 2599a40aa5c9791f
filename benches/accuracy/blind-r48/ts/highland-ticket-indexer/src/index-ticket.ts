import { vectorStore, COLLECTION } from './vectors';
import type { TicketEvent } from './types';

export async function indexTicket(evt: TicketEvent): Promise<TicketEvent> {
  const milvus = vectorStore();
  if (evt.kind === 'closed') {
    await milvus.delete({ collection_name: COLLECTION, filter: `ticket_id == "${evt.ticketId}"` });
    return evt;
  }
  await milvus.upsert({
    collection_name: COLLECTION,
    data: [
      {
        ticket_id: evt.ticketId,
        queue: evt.queue,
        subject: evt.subject.slice(0, 512),
        vector: evt.embedding,
      },
    ],
  });
  return evt;
}
