import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import knex, { type Knex } from 'knex'
import env from '#start/env'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    warehouse: Knex
  }
}

/**
 * Exposes the read-only warehouse database on the context for report routes.
 */
export default class WarehouseMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    ctx.warehouse = knex({
      client: 'pg',
      connection: env.get('WAREHOUSE_URL'),
      pool: { min: 0, max: 4 },
    })
    try {
      return await next()
    } finally {
      await ctx.warehouse.destroy()
    }
  }
}
