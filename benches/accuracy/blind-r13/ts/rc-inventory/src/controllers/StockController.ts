import { Body, Get, HttpError, JsonController, Param, Post, QueryParam } from "routing-controllers";
import { Service } from "typedi";
import { db } from "../db";
import { StockRepository } from "../repositories/StockRepository";

interface TransferBody {
  sku: string;
  from: string;
  to: string;
  quantity: number;
}

@Service()
@JsonController("/stock")
export class StockController {
  constructor(private readonly repo: StockRepository) {}

  @Get("/low")
  low(@QueryParam("threshold") threshold = 5) {
    return this.repo.lowStock(threshold);
  }

  @Get("/:sku")
  bySku(@Param("sku") sku: string) {
    return this.repo.levelsForSku(sku);
  }

  @Post("/transfer")
  async transfer(@Body() body: TransferBody) {
    const client = await db.connect();
    await client.query("BEGIN");
    const { rows } = await client.query<{ quantity: number }>(
      "SELECT quantity FROM stock_levels WHERE sku = $1 AND warehouse = $2 FOR UPDATE",
      [body.sku, body.from],
    );
    if (!rows.length || rows[0].quantity < body.quantity) {
      throw new HttpError(409, "insufficient stock");
    }
    await client.query(
      "UPDATE stock_levels SET quantity = quantity - $3 WHERE sku = $1 AND warehouse = $2",
      [body.sku, body.from, body.quantity],
    );
    await client.query(
      `INSERT INTO stock_levels (sku, warehouse, quantity) VALUES ($1, $2, $3)
       ON CONFLICT (sku, warehouse) DO UPDATE SET quantity = stock_levels.quantity + EXCLUDED.quantity`,
      [body.sku, body.to, body.quantity],
    );
    await client.query("COMMIT");
    client.release();
    return { ok: true };
  }
}
