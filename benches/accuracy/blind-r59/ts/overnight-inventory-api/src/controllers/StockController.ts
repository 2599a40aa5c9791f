import { Controller, Get, Post } from "@overnightjs/core";
import { Request, Response } from "express";
import { Pool } from "pg";
import Redis from "ioredis";

interface StockRow {
  sku: string;
  on_hand: number;
  reserved: number;
  warehouse: string;
}

@Controller("api/stock")
export class StockController {
  constructor(private readonly pool: Pool, private readonly redis: Redis) {}

  @Get(":sku")
  private async get(req: Request, res: Response): Promise<void> {
    const cacheKey = `stock:${req.params.sku}`;
    const cached = await this.redis.get(cacheKey);
    if (cached) {
      res.json(JSON.parse(cached));
      return;
    }
    const { rows } = await this.pool.query<StockRow>(
      `SELECT sku, on_hand, reserved, warehouse FROM stock WHERE sku = $1`,
      [req.params.sku],
    );
    if (rows.length === 0) {
      res.status(404).json({ error: "unknown sku" });
      return;
    }
    await this.redis.set(cacheKey, JSON.stringify(rows), "EX", 15);
    res.json(rows);
  }

  @Post(":sku/adjust")
  private async adjust(req: Request, res: Response): Promise<void> {
    const { warehouse, delta, reason } = req.body as { warehouse: string; delta: number; reason: string };
    if (!Number.isInteger(delta) || !warehouse) {
      res.status(400).json({ error: "warehouse and integer delta required" });
      return;
    }
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<StockRow>(
        `UPDATE stock SET on_hand = on_hand + $3
          WHERE sku = $1 AND warehouse = $2 AND on_hand + $3 >= reserved
          RETURNING sku, on_hand, reserved, warehouse`,
        [req.params.sku, warehouse, delta],
      );
      if (rows.length === 0) {
        await client.query("ROLLBACK");
        res.status(409).json({ error: "adjustment would go below reserved stock" });
        return;
      }
      await client.query(
        `INSERT INTO stock_movements (sku, warehouse, delta, reason) VALUES ($1, $2, $3, $4)`,
        [req.params.sku, warehouse, delta, reason ?? "manual"],
      );
      await client.query("COMMIT");
      await this.redis.del(`stock:${req.params.sku}`);
      res.json(rows[0]);
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
