import Dexie, { type Table } from "dexie";

export interface InboxMessage {
  id: string;
  threadId: string;
  from: string;
  subject: string;
  preview: string;
  receivedAt: number;
  read: 0 | 1;
}

export class InboxDB extends Dexie {
  messages!: Table<InboxMessage, string>;

  constructor() {
    super("offline-inbox");
    this.version(1).stores({
      messages: "id, threadId, receivedAt, read",
    });
  }
}

export const db = new InboxDB();
