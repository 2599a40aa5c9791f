import { Service } from "typedi";
import { Pool } from "pg";

export interface StockLevel {
  sku: string;
  warehouse: string;
  quantity: number;
}

@Service()
export class StockRepository {
  private readonly pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 10,
  });

  async levelsForSku(sku: string): Promise<StockLevel[]> {
    const { rows } = await this.pool.query<StockLevel>(
      "SELECT sku, warehouse, quantity FROM stock_levels WHERE sku = $1 ORDER BY warehouse",
      [sku],
    );
    return rows;
  }

  async lowStock(threshold: number): Promise<StockLevel[]> {
    const { rows } = await this.pool.query<StockLevel>(
      "SELECT sku, warehouse, quantity FROM stock_levels WHERE quantity < $1",
      [threshold],
    );
    return rows;
  }
}
