import { inject, injectable } from "@theia/core/shared/inversify";
import { Ticket, TicketClient, TicketComment, TicketService, ticketChannel } from "../common/ticket-protocol";
import { TicketDatabase } from "./ticket-database";

@injectable()
export class TicketServiceImpl implements TicketService {
  @inject(TicketDatabase)
  protected readonly db!: TicketDatabase;

  protected readonly clients = new Set<TicketClient>();
  protected readonly subscribedRepos = new Set<string>();

  setClient(client: TicketClient | undefined): void {
    if (client) this.clients.add(client);
  }

  removeClient(client: TicketClient): void {
    this.clients.delete(client);
  }

  async listForRepository(repository: string, includeSolved = false): Promise<Ticket[]> {
    if (!this.subscribedRepos.has(repository)) {
      this.subscribedRepos.add(repository);
      await this.db.subscribe(ticketChannel(repository), (payload) => {
        for (const client of this.clients) client.onTicketChanged(payload as Ticket);
      });
    }
    const { rows } = await this.db.query<Ticket>(
      `SELECT id, title, status, priority, assignee, updated_at AS "updatedAt", repository
         FROM tickets
        WHERE repository = $1 AND ($2 OR status <> 'solved')
        ORDER BY priority DESC, updated_at DESC
        LIMIT 200`,
      [repository, includeSolved]
    );
    return rows;
  }

  async comments(ticketId: number): Promise<TicketComment[]> {
    const { rows } = await this.db.query<TicketComment>(
      `SELECT ticket_id AS "ticketId", author, body, created_at AS "createdAt"
         FROM ticket_comments WHERE ticket_id = $1 ORDER BY created_at`,
      [ticketId]
    );
    return rows;
  }

  async addComment(ticketId: number, author: string, body: string): Promise<TicketComment> {
    return this.db.transaction(async (client) => {
      const { rows } = await client.query<TicketComment>(
        `INSERT INTO ticket_comments (ticket_id, author, body) VALUES ($1, $2, $3)
         RETURNING ticket_id AS "ticketId", author, body, created_at AS "createdAt"`,
        [ticketId, author, body]
      );
      const ticket = await client.query<Ticket>(
        `UPDATE tickets SET updated_at = now() WHERE id = $1
         RETURNING id, title, status, priority, assignee, updated_at AS "updatedAt", repository`,
        [ticketId]
      );
      await this.db.publish(ticketChannel(ticket.rows[0].repository), ticket.rows[0]);
      return rows[0];
    });
  }

  async setStatus(ticketId: number, status: Ticket["status"]): Promise<void> {
    const { rows } = await this.db.query<Ticket>(
      `UPDATE tickets SET status = $2, updated_at = now() WHERE id = $1
       RETURNING id, title, status, priority, assignee, updated_at AS "updatedAt", repository`,
      [ticketId, status]
    );
    if (rows[0]) await this.db.publish(ticketChannel(rows[0].repository), rows[0]);
  }

  dispose(): void {
    this.clients.clear();
  }
}
