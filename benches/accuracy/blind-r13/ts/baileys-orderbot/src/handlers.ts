import type { WAMessage, WASocket } from "@whiskeysockets/baileys";
import type Redis from "ioredis";
import type { Pool, RowDataPacket } from "mysql2/promise";

export interface Deps {
  pool: Pool;
  redis: Redis;
}

const ORDER_RE = /^order\s+(\d+)\s*x\s*(\w[\w-]*)$/i;

export async function handleMessages(sock: WASocket, messages: WAMessage[], deps: Deps): Promise<void> {
  for (const msg of messages) {
    if (msg.key.fromMe || !msg.message) continue;
    const jid = msg.key.remoteJid!;
    const text = msg.message.conversation ?? msg.message.extendedTextMessage?.text ?? "";

    // WhatsApp can redeliver after reconnects; process each message id once.
    const fresh = await deps.redis.set(`wa:seen:${msg.key.id}`, "1", "EX", 86_400, "NX");
    if (fresh !== "OK") continue;

    const match = ORDER_RE.exec(text.trim());
    if (!match) {
      await sock.sendMessage(jid, { text: "Send e.g. *order 2 x SKU-123*" });
      continue;
    }

    const [, qty, sku] = match;
    const conn = await deps.pool.getConnection();
    try {
      await conn.beginTransaction();
      const [rows] = await conn.query<RowDataPacket[]>(
        "SELECT stock, price_cents FROM products WHERE sku = ? FOR UPDATE",
        [sku],
      );
      if (!rows.length || rows[0].stock < Number(qty)) {
        await conn.rollback();
        await sock.sendMessage(jid, { text: `Sorry, ${sku} is out of stock.` });
        continue;
      }
      await conn.query("UPDATE products SET stock = stock - ? WHERE sku = ?", [qty, sku]);
      await conn.query("INSERT INTO wa_orders (jid, sku, qty, price_cents) VALUES (?, ?, ?, ?)", [
        jid,
        sku,
        qty,
        rows[0].price_cents,
      ]);
      await conn.commit();
      await sock.sendMessage(jid, { text: `Order placed: ${qty} x ${sku}` }, { quoted: msg });
    } catch (err) {
      await conn.rollback();
      throw err;
    } finally {
      conn.release();
    }
  }
}
