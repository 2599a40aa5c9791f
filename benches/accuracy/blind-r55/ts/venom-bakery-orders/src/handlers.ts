import type { Message, Whatsapp } from "venom-bot";
import type { RowDataPacket } from "mysql2/promise";
import { findProducts, openConnection, upsertCustomer } from "./db";
import { cancelOrder, placeOrder, OrderLine } from "./orders/repository";

const ORDER_LINE = /(\d+)\s*x\s*([A-Z0-9-]+)/gi;

function tomorrowAt(hour: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(hour, 0, 0, 0);
  return d;
}

async function orderStatus(customerId: number): Promise<string> {
  const conn = await openConnection();
  try {
    const [rows] = await conn.query<RowDataPacket[]>(
      "SELECT id, status, pickup_at FROM orders WHERE customer_id = ? ORDER BY id DESC LIMIT 3",
      [customerId]
    );
    if (rows.length === 0) return "You have no orders with us yet.";
    return rows
      .map((r) => `#${r.id}: ${r.status}, pickup ${new Date(r.pickup_at).toLocaleString("de-DE")}`)
      .join("\n");
  } finally {
    await conn.end();
  }
}

/** Called for every inbound WhatsApp message. */
export async function handleMessage(client: Whatsapp, message: Message): Promise<void> {
  if (message.isGroupMsg || !message.body) return;

  const text = message.body.trim();
  const customerId = await upsertCustomer(message.from, message.sender?.pushname);

  if (/^menu\b/i.test(text) || /^search /i.test(text)) {
    const term = text.replace(/^(menu|search)\s*/i, "");
    const products = await findProducts(term);
    const lines = products.map(
      (p) => `${p.sku} ${p.name} – ${(p.price_cents / 100).toFixed(2)} € (${p.available_today} left)`
    );
    await client.sendText(message.from, lines.length ? lines.join("\n") : "Nothing found, try another word.");
    return;
  }

  if (/^order\b/i.test(text)) {
    const lines: OrderLine[] = [...text.matchAll(ORDER_LINE)].map((m) => ({ qty: Number(m[1]), sku: m[2].toUpperCase() }));
    if (lines.length === 0) {
      await client.sendText(message.from, "Send e.g. 'order 2x BRZ-01 1x CRO-03'");
      return;
    }
    const id = await placeOrder(customerId, tomorrowAt(8), lines);
    await client.sendText(message.from, `Thanks! Order #${id} will be ready tomorrow from 8:00.`);
    return;
  }

  if (/^cancel #?(\d+)/i.test(text)) {
    const id = Number(/(\d+)/.exec(text)![1]);
    const ok = await cancelOrder(id, customerId);
    await client.sendText(message.from, ok ? `Order #${id} cancelled.` : `Order #${id} can't be cancelled anymore.`);
    return;
  }

  if (/^status/i.test(text)) {
    await client.sendText(message.from, await orderStatus(customerId));
    return;
  }

  await client.sendText(message.from, "Hi! Send 'menu', 'order 2x BRZ-01', 'status' or 'cancel #123'.");
}
