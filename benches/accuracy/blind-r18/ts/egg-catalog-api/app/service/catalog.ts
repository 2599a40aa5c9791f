import { Service } from 'egg';
import type { RowDataPacket } from 'mysql2/promise';

export interface ProductRow extends RowDataPacket {
  sku: string;
  title: string;
  price_cents: number;
  stock: number;
}

export default class CatalogService extends Service {
  public async list(page: number, size: number) {
    const [rows] = await this.app.catalogPool.query<ProductRow[]>(
      'SELECT p.sku, p.title, p.price_cents, s.qty AS stock FROM products p JOIN stock s USING (sku) ORDER BY p.sku LIMIT ? OFFSET ?',
      [size, (page - 1) * size],
    );
    return rows;
  }

  public async bySku(sku: string) {
    const [rows] = await this.app.catalogPool.execute<ProductRow[]>(
      'SELECT p.sku, p.title, p.price_cents, s.qty AS stock FROM products p JOIN stock s USING (sku) WHERE p.sku = ?',
      [sku],
    );
    return rows[0] ?? null;
  }
}
