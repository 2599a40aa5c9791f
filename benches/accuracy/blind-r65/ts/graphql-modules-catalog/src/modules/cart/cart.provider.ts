import { Inject, Injectable, Scope } from 'graphql-modules'
import type { Pool } from 'pg'
import { PG_POOL } from '../../tokens'

@Injectable({ scope: Scope.Operation })
export class CartProvider {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async checkout(cartId: string, customerId: string): Promise<string> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const { rows: items } = await client.query<{ product_id: string; quantity: number }>(
        'SELECT product_id, quantity FROM cart_items WHERE cart_id = $1 FOR UPDATE',
        [cartId],
      )
      if (items.length === 0) throw new Error('cart is empty')
      for (const item of items) {
        const res = await client.query(
          'UPDATE products SET stock = stock - $2 WHERE id = $1 AND stock >= $2',
          [item.product_id, item.quantity],
        )
        if (res.rowCount !== 1) throw new Error(`not enough stock for ${item.product_id}`)
      }
      const { rows } = await client.query<{ id: string }>(
        'INSERT INTO orders (cart_id, customer_id) VALUES ($1, $2) RETURNING id',
        [cartId, customerId],
      )
      await client.query('DELETE FROM cart_items WHERE cart_id = $1', [cartId])
      await client.query('COMMIT')
      return rows[0].id
    } catch (err) {
      await client.query('ROLLBACK')
      throw err
    } finally {
      client.release()
    }
  }
}
