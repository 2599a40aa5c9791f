import Surreal from 'surrealdb'

export async function openSurreal(): Promise<Surreal> {
  const db = new Surreal()
  await db.connect(process.env.SURREAL_URL ?? 'ws://127.0.0.1:8000/rpc', {
    namespace: 'pricing',
    database: 'competitors',
    auth: {
      username: process.env.SURREAL_USER ?? 'crawler',
      password: process.env.SURREAL_PASSWORD ?? '',
    },
  })
  return db
}

export interface PricePoint {
  shop: string
  sku: string
  title: string
  priceCents: number
  seenAt: string
}
