import { TwirpContext, TwirpError, TwirpErrorCode } from 'twirp-ts'
import type { RowDataPacket } from 'mysql2/promise'
import type { CatalogTwirp } from './generated/catalog.twirp'
import type {
  GetProductRequest, Product, ReserveStockRequest, ReserveStockResponse,
  UpdatePriceRequest, ListReviewsRequest, ListReviewsResponse,
} from './generated/catalog'
import { pool } from './db'
import { contentDb } from './mongo'
import { publishedReviews, averageStars } from './reviews/store'

interface ProductRow extends RowDataPacket {
  sku: string
  name: string
  price_cents: number
  available: number
}

function toProduct(row: ProductRow): Product {
  return { sku: row.sku, name: row.name, priceCents: BigInt(row.price_cents), available: row.available }
}

export const catalogService: CatalogTwirp = {
  async GetProduct(_ctx: TwirpContext, req: GetProductRequest): Promise<Product> {
    const [rows] = await pool.query<ProductRow[]>(
      'SELECT sku, name, price_cents, available FROM products WHERE sku = :sku',
      { sku: req.sku },
    )
    if (!rows[0]) throw new TwirpError(TwirpErrorCode.NotFound, `unknown sku ${req.sku}`)
    return toProduct(rows[0])
  },

  async ReserveStock(_ctx: TwirpContext, req: ReserveStockRequest): Promise<ReserveStockResponse> {
    const conn = await pool.getConnection()
    await conn.beginTransaction()
    const [rows] = await conn.query<ProductRow[]>(
      'SELECT sku, name, price_cents, available FROM products WHERE sku = :sku FOR UPDATE',
      { sku: req.sku },
    )
    const row = rows[0]
    if (!row || row.available < req.quantity) {
      await conn.rollback()
      return { reserved: false, remaining: row?.available ?? 0 }
    }
    await conn.query(
      'UPDATE products SET available = available - :qty WHERE sku = :sku',
      { qty: req.quantity, sku: req.sku },
    )
    await conn.query(
      'INSERT INTO reservations (order_id, sku, quantity) VALUES (:orderId, :sku, :qty)',
      { orderId: req.orderId, sku: req.sku, qty: req.quantity },
    )
    await conn.commit()
    conn.release()
    return { reserved: true, remaining: row.available - req.quantity }
  },

  async UpdatePrice(_ctx: TwirpContext, req: UpdatePriceRequest): Promise<Product> {
    const conn = await pool.getConnection()
    try {
      await conn.beginTransaction()
      await conn.query('UPDATE products SET price_cents = :price WHERE sku = :sku', {
        price: Number(req.priceCents),
        sku: req.sku,
      })
      await conn.query(
        'INSERT INTO price_history (sku, price_cents, changed_by) VALUES (:sku, :price, :by)',
        { sku: req.sku, price: Number(req.priceCents), by: req.changedBy },
      )
      const [rows] = await conn.query<ProductRow[]>(
        'SELECT sku, name, price_cents, available FROM products WHERE sku = :sku',
        { sku: req.sku },
      )
      await conn.commit()
      await contentDb.collection('product_cards').updateOne(
        { sku: req.sku },
        { $set: { priceCents: Number(req.priceCents), updatedAt: new Date() } },
      )
      return toProduct(rows[0])
    } catch (err) {
      await conn.rollback()
      throw err
    } finally {
      conn.release()
    }
  },

  async ListReviews(_ctx: TwirpContext, req: ListReviewsRequest): Promise<ListReviewsResponse> {
    const [docs, average] = await Promise.all([
      publishedReviews(req.sku, req.limit || 10),
      averageStars(req.sku),
    ])
    return {
      reviews: docs.map((d) => ({ author: d.author, stars: d.stars, body: d.body })),
      average,
    }
  },
}
