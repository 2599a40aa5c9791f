import { RpcServer } from "@theia/core/lib/common/messaging";

export const TICKET_SERVICE_PATH = "/services/acme-tickets";

export const TicketService = Symbol("TicketService");

export interface Ticket {
  id: number;
  title: string;
  status: "open" | "pending" | "solved";
  priority: "low" | "normal" | "high" | "urgent";
  assignee: string | null;
  updatedAt: string;
  repository: string;
}

export interface TicketComment {
  ticketId: number;
  author: string;
  body: string;
  createdAt: string;
}

/** Implemented by the frontend; the backend pushes live changes through it. */
export interface TicketClient {
  onTicketChanged(ticket: Ticket): void;
}

/** Implemented by the backend (Node) and called over the JSON-RPC channel. */
export interface TicketService extends RpcServer<TicketClient> {
  listForRepository(repository: string, includeSolved?: boolean): Promise<Ticket[]>;
  comments(ticketId: number): Promise<TicketComment[]>;
  addComment(ticketId: number, author: string, body: string): Promise<TicketComment>;
  setStatus(ticketId: number, status: Ticket["status"]): Promise<void>;
}

export function ticketChannel(repository: string): string {
  return `tickets:${repository}`;
}
