import Vorpal from 'vorpal';
import type { RowDataPacket } from 'mysql2/promise';
import { wms } from '../db';

interface OrderRow extends RowDataPacket {
  id: number;
  status: string;
  customer: string;
  lines: number;
  picked: number;
}

export function registerOrderCommands(vorpal: Vorpal): void {
  vorpal
    .command('order <id>', 'Show an order and its pick progress')
    .action(async function (args) {
      const conn = await wms.getConnection();
      const [rows] = await conn.query<OrderRow[]>(
        `SELECT o.id, o.status, o.customer,
                COUNT(l.id) AS lines, SUM(l.picked_qty >= l.qty) AS picked
           FROM orders o JOIN order_lines l ON l.order_id = o.id
          WHERE o.id = ? GROUP BY o.id`,
        [args.id],
      );
      if (rows.length === 0) {
        this.log(`order ${args.id} not found`);
        return;
      }
      const o = rows[0];
      this.log(`#${o.id} ${o.customer} [${o.status}] ${o.picked}/${o.lines} lines picked`);
      conn.release();
    });

  vorpal
    .command('hold <id> [reason...]', 'Put an order on hold')
    .action(async function (args) {
      const reason = (args.reason as string[] | undefined)?.join(' ') ?? 'lead hold';
      const [res] = await wms.execute(
        `UPDATE orders SET status = 'HOLD', hold_reason = ? WHERE id = ? AND status <> 'SHIPPED'`,
        [reason, args.id],
      );
      this.log((res as any).affectedRows ? `order ${args.id} on hold` : `order ${args.id} not changed`);
    });
}
