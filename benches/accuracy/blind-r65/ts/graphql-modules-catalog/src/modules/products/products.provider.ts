import { Inject, Injectable, Scope } from 'graphql-modules'
import type { Pool } from 'pg'
import type { Redis } from 'ioredis'
import { PG_POOL, REDIS } from '../../tokens'

export interface Product {
  id: string
  name: string
  priceCents: number
  stock: number
}

// A new instance is created for every GraphQL operation; the pool and
// the Redis client it receives are the application-wide singletons.
@Injectable({ scope: Scope.Operation })
export class ProductsProvider {
  private readonly seen = new Map<string, Product | null>()

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async byId(id: string): Promise<Product | null> {
    if (this.seen.has(id)) return this.seen.get(id)!
    const cached = await this.redis.get(`product:${id}`)
    if (cached) {
      const product = JSON.parse(cached) as Product
      this.seen.set(id, product)
      return product
    }
    const { rows } = await this.pool.query<Product>(
      'SELECT id, name, price_cents AS "priceCents", stock FROM products WHERE id = $1',
      [id],
    )
    const product = rows[0] ?? null
    if (product) await this.redis.set(`product:${id}`, JSON.stringify(product), 'EX', 60)
    this.seen.set(id, product)
    return product
  }

  async search(term: string, limit: number): Promise<Product[]> {
    const { rows } = await this.pool.query<Product>(
      `SELECT id, name, price_cents AS "priceCents", stock
         FROM products WHERE name ILIKE $1 ORDER BY name LIMIT $2`,
      [`%${term}%`, Math.min(limit, 50)],
    )
    return rows
  }
}
