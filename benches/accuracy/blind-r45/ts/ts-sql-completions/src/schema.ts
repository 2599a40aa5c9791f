import { createClient, type Client } from '@libsql/client'

export interface PluginConfig {
  url?: string
  authToken?: string
  refreshSeconds?: number
}

export type Schema = Map<string, string[]>

let client: Client | undefined
let snapshot: Schema = new Map()
let loadedAt = 0
let refreshing: Promise<void> | undefined

function getClient(config: PluginConfig): Client {
  if (!client) {
    client = createClient({
      url: config.url ?? process.env.SQL_SCHEMA_URL ?? 'file:schema.db',
      authToken: config.authToken ?? process.env.SQL_SCHEMA_TOKEN,
    })
  }
  return client
}

async function loadSchema(config: PluginConfig): Promise<void> {
  const db = getClient(config)
  const tables = await db.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
  const next: Schema = new Map()
  for (const row of tables.rows) {
    const table = String(row.name)
    const cols = await db.execute({ sql: 'SELECT name FROM pragma_table_info(?)', args: [table] })
    next.set(table, cols.rows.map((c) => String(c.name)))
  }
  snapshot = next
  loadedAt = Date.now()
}

/**
 * Synchronous: the language service cannot await. Returns whatever schema is
 * cached and, when it is stale, starts (at most) one background refresh.
 */
export function currentSchema(config: PluginConfig, log: (msg: string) => void): Schema {
  const maxAge = (config.refreshSeconds ?? 300) * 1000
  if (Date.now() - loadedAt > maxAge && !refreshing) {
    refreshing = loadSchema(config)
      .catch((err) => log(`ts-sql-completions: schema refresh failed: ${String(err)}`))
      .finally(() => {
        refreshing = undefined
      })
  }
  return snapshot
}

export function disposeSchemaClient(): void {
  client?.close()
  client = undefined
}
