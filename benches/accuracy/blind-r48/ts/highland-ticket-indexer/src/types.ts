export interface TicketEvent {
  ticketId: string;
  queue: string;
  kind: 'opened' | 'commented' | 'closed';
  subject: string;
  embedding: number[];
  at: string;
}

export function isTicketEvent(v: any): v is TicketEvent {
  return (
    v &&
    typeof v.ticketId === 'string' &&
    typeof v.queue === 'string' &&
    Array.isArray(v.embedding) &&
    ['opened', 'commented', 'closed'].includes(v.kind)
  );
}
