import { MongoClient } from 'mongodb'

export interface Product {
  _id: string
  title: string
  priceCents: number
  currency: string
  watchers: string[]
  updatedAt: Date
}

export async function openCatalog(): Promise<MongoClient> {
  const client = new MongoClient(process.env.CATALOG_MONGO_URL!, { appName: 'catalog-sync' })
  await client.connect()
  return client
}
