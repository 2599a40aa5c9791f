import { Controller, Delete, Post } from "@overnightjs/core";
import { Request, Response } from "express";
import { Pool, PoolClient } from "pg";

interface ReservationLine {
  sku: string;
  warehouse: string;
  qty: number;
}

async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

@Controller("api/reservations")
export class ReservationController {
  constructor(private readonly pool: Pool) {}

  @Post()
  private async create(req: Request, res: Response): Promise<void> {
    const { orderId, lines } = req.body as { orderId: string; lines: ReservationLine[] };
    try {
      const id = await withTransaction(this.pool, async (client) => {
        for (const line of lines) {
          const r = await client.query(
            `UPDATE stock SET reserved = reserved + $3
              WHERE sku = $1 AND warehouse = $2 AND on_hand - reserved >= $3`,
            [line.sku, line.warehouse, line.qty],
          );
          if (r.rowCount === 0) throw new Error(`insufficient stock for ${line.sku}`);
        }
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO reservations (order_id, lines) VALUES ($1, $2) RETURNING id`,
          [orderId, JSON.stringify(lines)],
        );
        return rows[0].id;
      });
      res.status(201).json({ id });
    } catch (err) {
      res.status(409).json({ error: (err as Error).message });
    }
  }

  @Delete(":id")
  private async release(req: Request, res: Response): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ lines: ReservationLine[] }>(
        `DELETE FROM reservations WHERE id = $1 RETURNING lines`,
        [req.params.id],
      );
      for (const line of rows[0]?.lines ?? []) {
        await client.query(
          `UPDATE stock SET reserved = reserved - $3 WHERE sku = $1 AND warehouse = $2`,
          [line.sku, line.warehouse, line.qty],
        );
      }
    });
    res.status(204).end();
  }
}
