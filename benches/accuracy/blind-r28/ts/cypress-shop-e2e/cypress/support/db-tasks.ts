import { MongoClient } from 'mongodb'
import { Pool } from 'pg'

export interface SeedUser {
  email: string
  name: string
  password: string
  loyaltyPoints?: number
}

interface DbTaskOptions {
  databaseUrl: string
  mongoUrl: string
}

export function createDbTasks({ databaseUrl, mongoUrl }: DbTaskOptions) {
  const pool = new Pool({ connectionString: databaseUrl, max: 3, application_name: 'cypress-tasks' })
  const mongo = new MongoClient(mongoUrl, { maxPoolSize: 3 })
  const mongoReady = mongo.connect()

  const tasks = {
    async 'db:reset'() {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await client.query('TRUNCATE order_lines, orders, carts, users RESTART IDENTITY CASCADE')
        await client.query("INSERT INTO coupons (code, percent_off) VALUES ('WELCOME10', 10) ON CONFLICT DO NOTHING")
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      } finally {
        client.release()
      }
      await (await mongoReady).db('events').collection('audit').deleteMany({})
      return null
    },

    async 'db:seedUser'(user: SeedUser) {
      const { rows } = await pool.query<{ id: number }>(
        `INSERT INTO users (email, name, password_hash, loyalty_points)
         VALUES ($1, $2, crypt($3, gen_salt('bf', 4)), $4) RETURNING id`,
        [user.email, user.name, user.password, user.loyaltyPoints ?? 0],
      )
      return rows[0].id
    },

    async 'db:orderStatus'(orderNumber: string) {
      const { rows } = await pool.query<{ status: string }>('SELECT status FROM orders WHERE number = $1', [orderNumber])
      return rows[0]?.status ?? null
    },

    async 'mongo:auditEvents'(filter: { type?: string; userEmail?: string }) {
      const docs = await (await mongoReady)
        .db('events')
        .collection('audit')
        .find(filter, { projection: { _id: 0 } })
        .sort({ at: 1 })
        .toArray()
      return docs
    },
  }

  return {
    tasks,
    async close() {
      await Promise.allSettled([pool.end(), mongo.close()])
    },
  }
}
