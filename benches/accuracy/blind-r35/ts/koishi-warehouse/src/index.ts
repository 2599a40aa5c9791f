import { Context, Schema } from 'koishi'
import { createWarehousePool, queryReporting, DbConfig } from './db'
import { makeMetricsClient, MetricsConfig } from './metrics'

export const name = 'warehouse'

export interface Config extends DbConfig, MetricsConfig {}

export const Config: Schema<Config> = Schema.object({
  mysqlUrl: Schema.string().required().description('Primary warehouse DB'),
  reportingUrl: Schema.string().required().description('Reporting replica'),
  clickhouseUrl: Schema.string().default('http://localhost:8123'),
  clickhouseUser: Schema.string().default('default'),
  clickhousePassword: Schema.string().role('secret').default(''),
})

export function apply(ctx: Context, config: Config) {
  const pool = createWarehousePool(config)
  ctx.on('dispose', () => pool.end())

  ctx.command('stock <sku:string>', 'Show stock for a SKU')
    .action(async ({ session }, sku) => {
      if (!sku) return 'Usage: stock <sku>'
      const [rows] = await pool.query('SELECT location, qty FROM stock WHERE sku = ? ORDER BY location', [sku])
      const list = rows as { location: string; qty: number }[]
      if (!list.length) return `No stock rows for ${sku}`
      return list.map((r) => `${r.location}: ${r.qty}`).join('\n')
    })

  ctx.command('velocity <sku:string>', 'Units shipped per day, last 30 days')
    .action(async (_, sku) => {
      const rows = await queryReporting<{ per_day: number }>(
        config,
        'SELECT COUNT(*) / 30 AS per_day FROM shipments WHERE sku = ? AND shipped_at > NOW() - INTERVAL 30 DAY',
        [sku],
      )
      return `${sku}: ${rows[0]?.per_day ?? 0} units/day`
    })

  ctx.command('reserve <sku:string> <qty:number>', 'Reserve stock for an order')
    .action(async ({ session }, sku, qty) => {
      const conn = await pool.getConnection()
      await conn.beginTransaction()
      const [rows] = await conn.query('SELECT qty FROM stock WHERE sku = ? AND location = ? FOR UPDATE', [sku, 'MAIN'])
      const available = (rows as { qty: number }[])[0]?.qty ?? 0
      if (available < qty) {
        await conn.rollback()
        return `Only ${available} left of ${sku}`
      }
      await conn.query('UPDATE stock SET qty = qty - ? WHERE sku = ? AND location = ?', [qty, sku, 'MAIN'])
      await conn.query('INSERT INTO reservations (sku, qty, requested_by) VALUES (?, ?, ?)', [sku, qty, session?.userId])
      await conn.commit()
      conn.release()
      return `Reserved ${qty} × ${sku}`
    })

  ctx.on('guild-member-added', async (session) => {
    const metrics = makeMetricsClient(config)
    await metrics.insert({
      table: 'member_joins',
      values: [{ platform: session.platform, guild_id: session.guildId, user_id: session.userId, ts: Date.now() }],
      format: 'JSONEachRow',
    })
    await session.send('Welcome! Try `stock <sku>` to look up inventory.')
  })
}
