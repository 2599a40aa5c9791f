import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { MetricsDatabase } from '~/types/db'

export default defineEventHandler(async (event) => {
  const { route, hours } = getQuery(event)
  const since = Number(hours ?? 24)
  const config = useRuntimeConfig(event)

  const metrics = new Kysely<MetricsDatabase>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.metricsDatabaseUrl }) }) })

  let q = metrics
    .selectFrom('request_rollup')
    .select(['bucket', 'route', 'count', 'p95_ms'])
    .where('bucket', '>=', sql<Date>`now() - make_interval(hours => ${since})`)
    .orderBy('bucket')
  if (typeof route === 'string') q = q.where('route', '=', route)

  return await q.execute()
})
