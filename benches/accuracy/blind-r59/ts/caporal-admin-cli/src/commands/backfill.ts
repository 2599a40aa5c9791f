import { Program } from "@caporal/core";
import { openPg } from "../lib/clients";

const POINTS_PER_EURO = 10;

export function registerBackfill(program: Program): void {
  program
    .command("backfill-loyalty", "Award loyalty points for orders placed before the programme launched")
    .option("--since <date>", "Only orders on or after this date (YYYY-MM-DD)", { default: "2023-01-01" })
    .option("--chunk <n>", "Orders per transaction", { default: 500, validator: program.NUMBER })
    .action(async ({ options, logger }) => {
      const db = await openPg();
      let lastId = 0;
      let awarded = 0;
      try {
        for (;;) {
          await db.query("BEGIN");
          const { rows } = await db.query<{ id: number; customer_id: string; total_cents: number }>(
            `SELECT id, customer_id, total_cents FROM orders
              WHERE id > $1 AND created_at >= $2 AND loyalty_awarded_at IS NULL
              ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
            [lastId, options.since, options.chunk],
          );
          if (rows.length === 0) {
            await db.query("COMMIT");
            break;
          }
          for (const order of rows) {
            const points = Math.floor(order.total_cents / 100) * POINTS_PER_EURO;
            await db.query(
              `INSERT INTO loyalty_ledger (customer_id, order_id, points, reason) VALUES ($1, $2, $3, 'backfill')`,
              [order.customer_id, order.id, points],
            );
            await db.query(`UPDATE orders SET loyalty_awarded_at = now() WHERE id = $1`, [order.id]);
            awarded += points;
          }
          await db.query("COMMIT");
          lastId = rows[rows.length - 1].id;
          logger.info(`processed through order ${lastId}, ${awarded} points so far`);
        }
      } catch (err) {
        await db.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        await db.end();
      }
    });
}
