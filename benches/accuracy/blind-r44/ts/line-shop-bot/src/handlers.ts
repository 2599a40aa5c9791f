import { messagingApi, type MessageEvent, type PostbackEvent, type WebhookEvent } from "@line/bot-sdk";
import { bookingPool, openShopDb, type OrderRow, type SlotRow } from "./db.js";

const line = new messagingApi.MessagingApiClient({
  channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN ?? "",
});

async function reply(replyToken: string, text: string): Promise<void> {
  await line.replyMessage({ replyToken, messages: [{ type: "text", text }] });
}

async function onText(event: MessageEvent, text: string): Promise<void> {
  const userId = event.source.userId;
  if (!userId) return;

  const match = /^(?:order|注文)\s+([A-Z0-9-]{6,})$/i.exec(text.trim());
  if (!match) {
    await reply(event.replyToken, "Send 'order <number>' to check an order.");
    return;
  }

  const db = openShopDb();
  const [rows] = await db.execute<OrderRow[]>(
    "SELECT order_no, status, total_yen, pickup_slot FROM orders WHERE order_no = :no AND line_user_id = :uid",
    { no: match[1], uid: userId },
  );
  const order = rows[0];
  if (!order) {
    await reply(event.replyToken, `No order ${match[1]} found for your account.`);
    return;
  }
  const slot = order.pickup_slot ? `\nPickup: ${order.pickup_slot}` : "";
  await reply(event.replyToken, `Order ${order.order_no}: ${order.status}, ¥${order.total_yen}${slot}`);
}

async function onPostback(event: PostbackEvent): Promise<void> {
  const params = new URLSearchParams(event.postback.data);
  if (params.get("action") !== "book") return;
  const slotId = Number(params.get("slot"));
  const orderNo = params.get("order") ?? "";

  const conn = await bookingPool.getConnection();
  await conn.beginTransaction();
  const [slots] = await conn.execute<SlotRow[]>(
    "SELECT id, starts_at, capacity, booked FROM pickup_slots WHERE id = ? FOR UPDATE",
    [slotId],
  );
  const slot = slots[0];
  if (!slot || slot.booked >= slot.capacity) {
    await conn.rollback();
    await reply(event.replyToken, "Sorry, that pickup slot is full. Please pick another one.");
    return;
  }
  await conn.execute("UPDATE pickup_slots SET booked = booked + 1 WHERE id = ?", [slotId]);
  await conn.execute("UPDATE orders SET pickup_slot = ? WHERE order_no = ?", [slot.starts_at, orderNo]);
  await conn.commit();
  conn.release();

  await reply(event.replyToken, `Booked pickup at ${slot.starts_at.toLocaleString("ja-JP")}.`);
}

export async function handleEvent(event: WebhookEvent): Promise<void> {
  switch (event.type) {
    case "message":
      if (event.message.type === "text") {
        await onText(event, event.message.text);
      }
      return;
    case "postback":
      await onPostback(event);
      return;
    case "follow":
      await reply(event.replyToken, "Thanks for adding us! Send 'order <number>' any time.");
      return;
    default:
      return;
  }
}
