import { MongoClient, type Collection } from 'mongodb'

export interface OrderDoc {
  _id: string
  customerName: string
  carrier: string
  trackingNumber: string
  items: Array<{ sku: string; title: string; qty: number }>
}

export async function getOrdersDb(): Promise<{ client: MongoClient; orders: Collection<OrderDoc> }> {
  const client = new MongoClient(process.env.ORDERS_MONGO_URL!, { maxPoolSize: 10 })
  await client.connect()
  return { client, orders: client.db('shop').collection<OrderDoc>('orders') }
}
