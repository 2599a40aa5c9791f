import { MessageEvent } from "matrix-bot-sdk";
import type { MatrixClient, MessageEventContent } from "matrix-bot-sdk";
import type { MongoClient } from "mongodb";
import type { Pool } from "undici";

interface Ticket {
  roomId: string;
  eventId: string;
  title: string;
  trackerId?: string;
  createdAt: Date;
}

export class TriageHandler {
  constructor(
    private readonly matrix: MatrixClient,
    private readonly mongo: MongoClient,
    private readonly tracker: Pool,
  ) {}

  async onMessage(roomId: string, raw: any): Promise<void> {
    const event = new MessageEvent<MessageEventContent>(raw);
    if (event.isRedacted || event.messageType !== "m.text") return;
    if (event.sender === (await this.matrix.getUserId())) return;

    const body = event.textBody.trim();
    if (body.startsWith("!ticket ")) {
      await this.createTicket(roomId, event.eventId, body.slice("!ticket ".length));
    } else if (body === "!mine") {
      await this.listTickets(roomId);
    }
  }

  private async createTicket(roomId: string, eventId: string, title: string) {
    const tickets = this.mongo.db("triage").collection<Ticket>("tickets");
    const session = this.mongo.startSession();
    let trackerId: string | undefined;
    try {
      await session.withTransaction(async () => {
        await tickets.insertOne({ roomId, eventId, title, createdAt: new Date() }, { session });
        const res = await this.tracker.request({
          method: "POST",
          path: "/v1/issues",
          headers: { "content-type": "application/json", authorization: `Bearer ${process.env.TRACKER_TOKEN}` },
          body: JSON.stringify({ title, source: `matrix:${roomId}/${eventId}` }),
        });
        ({ id: trackerId } = (await res.body.json()) as { id: string });
        await tickets.updateOne({ eventId }, { $set: { trackerId } }, { session });
      });
    } finally {
      await session.endSession();
    }
    await this.matrix.replyNotice(roomId, { event_id: eventId } as any, `Filed as ${trackerId}`);
  }

  private async listTickets(roomId: string) {
    const open = await this.mongo
      .db("triage")
      .collection<Ticket>("tickets")
      .find({ roomId })
      .sort({ createdAt: -1 })
      .limit(10)
      .toArray();
    await this.matrix.sendNotice(roomId, open.map((t) => `• ${t.title} (${t.trackerId ?? "pending"})`).join("\n") || "No tickets.");
  }
}
