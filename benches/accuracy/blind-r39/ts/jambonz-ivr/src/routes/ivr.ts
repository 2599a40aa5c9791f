import Redis from "ioredis";
import type { Logger } from "pino";
import type { RowDataPacket } from "mysql2/promise";

import { connectCrm, pool, type Agent } from "../lib/db";

const MENU = "Say billing, technical support, or sales.";

export function onNewSession(logger: Logger) {
  return (session: any) => {
    const log = logger.child({ call_sid: session.call_sid });
    session.locals = { log, attempts: 0 };

    const live = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    live.hset("ivr:active", session.call_sid, JSON.stringify({ from: session.from, at: Date.now() }));

    session
      .on("/menu", (evt: any) => onMenu(session, evt))
      .on("/transfer-done", (evt: any) => onTransferDone(session, evt))
      .on("close", () => {
        live.hdel("ivr:active", session.call_sid);
        log.info("session closed");
      })
      .on("error", (err: Error) => log.error({ err }, "session error"));

    session
      .pause({ length: 1 })
      .gather({
        input: ["speech"],
        actionHook: "/menu",
        timeout: 8,
        say: { text: `Thanks for calling. ${MENU}` },
      })
      .send();
  };
}

async function onMenu(session: any, evt: any) {
  const { log } = session.locals;
  const utterance: string = evt.speech?.alternatives?.[0]?.transcript?.toLowerCase() ?? "";

  const crm = await connectCrm();
  const [customers] = await crm.query<RowDataPacket[]>(
    "SELECT id, tier, account_manager FROM customers WHERE phone_e164 = ? LIMIT 1",
    [session.from],
  );
  const customer = customers[0];

  const queue = utterance.includes("bill")
    ? "billing"
    : utterance.includes("sales")
      ? "sales"
      : utterance.includes("tech") || utterance.includes("support")
        ? "support"
        : null;

  if (!queue) {
    session.locals.attempts += 1;
    if (session.locals.attempts >= 3) {
      session.say({ text: "Sorry, I could not understand. Goodbye." }).hangup().reply();
      return;
    }
    session
      .gather({ input: ["speech"], actionHook: "/menu", timeout: 8, say: { text: MENU } })
      .reply();
    return;
  }

  log.info({ queue, tier: customer?.tier }, "routing call");
  await transferToAgent(session, queue, customer?.tier === "enterprise");
}

async function transferToAgent(session: any, queue: string, priority: boolean) {
  const conn = await pool.getConnection();
  const [rows] = await conn.query<(Agent & RowDataPacket)[]>(
    `SELECT id, sip_uri, queue FROM agents
      WHERE queue = ? AND status = 'available'
      ORDER BY last_call_at ASC LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [queue],
  );
  const agent = rows[0];
  if (!agent) {
    session
      .say({ text: "All of our agents are busy. Please hold." })
      .enqueue({ name: priority ? `${queue}-priority` : queue })
      .reply();
    return;
  }

  await conn.query("UPDATE agents SET status = 'ringing', last_call_at = NOW() WHERE id = ?", [agent.id]);
  conn.release();

  session
    .dial({
      actionHook: "/transfer-done",
      callerId: session.to,
      target: [{ type: "sip", sipUri: agent.sip_uri }],
    })
    .reply();
}

async function onTransferDone(session: any, evt: any) {
  await pool.query(
    "INSERT INTO call_log (call_sid, dial_status, duration) VALUES (?, ?, ?)",
    [session.call_sid, evt.dial_call_status, evt.dial_call_duration ?? 0],
  );
  session.hangup().reply();
}
