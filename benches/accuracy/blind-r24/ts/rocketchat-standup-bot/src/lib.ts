import { Pool as PgPool } from "pg";
import { Pool as HttpPool } from "undici";

export const db = new PgPool({
  connectionString: process.env.BOT_DATABASE_URL,
  max: 5,
});

export interface ChatMessage {
  _id: string;
  rid: string;
  msg: string;
  u: { _id: string; username: string };
}

export type Reply = (text: string) => Promise<unknown>;

// Talks to the internal on-call calendar service (PagerDuty-ish, self-hosted).
export function calendarPool(): HttpPool {
  return new HttpPool(process.env.ONCALL_API_ORIGIN ?? "http://oncall.internal:8080", {
    connections: 4,
    keepAliveTimeout: 30_000,
  });
}

export function parseArgs(msg: string): string[] {
  return msg.trim().split(/\s+/).slice(1);
}
