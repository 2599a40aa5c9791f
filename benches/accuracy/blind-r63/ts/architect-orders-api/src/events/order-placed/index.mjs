import arc from '@architect/functions';
import { withClient } from '@architect/shared/db.mjs';

async function reserveStock(event) {
  const { orderId } = event;
  await withClient(async (client) => {
    await client.query(
      `update stock s set reserved = s.reserved + l.qty
         from order_lines l
        where l.order_id = $1 and l.sku = s.sku`,
      [orderId]
    );
    await client.query("update orders set status = 'reserved' where id = $1", [orderId]);
  });
}

export const handler = arc.events.subscribe(reserveStock);
