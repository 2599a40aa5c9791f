import { MongoClient, type Db } from 'mongodb'

let client: MongoClient | undefined
let ready: Promise<MongoClient> | undefined

/**
 * Returns the process-wide MongoClient, connecting on first use.
 */
export function getMongoClient(): Promise<MongoClient> {
  if (!ready) {
    client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
      maxPoolSize: 20,
      appName: 'yoga-library',
    })
    ready = client.connect().catch((err) => {
      ready = undefined
      throw err
    })
  }
  return ready
}

export async function getDb(): Promise<Db> {
  const c = await getMongoClient()
  return c.db('library')
}

export async function closeMongo() {
  await client?.close()
}
