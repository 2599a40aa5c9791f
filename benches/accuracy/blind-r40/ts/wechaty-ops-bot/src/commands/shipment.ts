import type { Message } from "wechaty";
import { sql } from "../db.js";

export async function shipmentCommand(msg: Message, args: string[]): Promise<void> {
  const [orderNo] = args;
  if (!orderNo) {
    await msg.say("Usage: #ship <order number>");
    return;
  }
  const room = msg.room();
  const requestedBy = msg.talker().name();

  const [shipment] = await sql.begin(async (tx) => {
    const rows = await tx`
      select id, status, carrier, tracking_no from shipments where order_no = ${orderNo} for update
    `;
    await tx`
      insert into shipment_queries (order_no, requested_by, room_topic)
      values (${orderNo}, ${requestedBy}, ${room ? await room.topic() : null})
    `;
    return rows;
  });

  if (!shipment) {
    await msg.say(`Order ${orderNo} has no shipment yet.`);
    return;
  }
  await msg.say(`Order ${orderNo}: ${shipment.status} via ${shipment.carrier} (${shipment.tracking_no ?? "no tracking yet"})`);
}
