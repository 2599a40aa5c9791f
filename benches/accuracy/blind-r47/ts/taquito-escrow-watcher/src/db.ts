import knex, { type Knex } from 'knex'
import { setTimeout as sleep } from 'node:timers/promises'

export function createKnex(url: string): Knex {
  return knex({
    client: 'mysql2',
    connection: url,
    pool: { min: 0, max: 8 },
  })
}

// The escrow database sits behind a bastion that is sometimes slow to come up
// after a deploy; probe it before we start consuming operations.
export async function waitForDatabase(db: Knex, attempts = 30): Promise<void> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await db.raw('select 1')
      return
    } catch (err) {
      if (attempt === attempts) throw err
      console.warn(`database not ready (${attempt}/${attempts})`)
      await sleep(2000)
    }
  }
}
