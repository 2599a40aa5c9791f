import { MongoClient } from 'mongodb'

interface ReviewDoc {
  sku: string
  author: string
  stars: number
  body: string
  published: boolean
  createdAt: Date
}

const client = new MongoClient(process.env.CONTENT_MONGO_URL ?? 'mongodb://127.0.0.1:27017/content', {
  maxPoolSize: 20,
})
const reviews = client.db('content').collection<ReviewDoc>('reviews')

export async function publishedReviews(sku: string, limit: number): Promise<ReviewDoc[]> {
  return reviews
    .find({ sku, published: true })
    .sort({ createdAt: -1 })
    .limit(Math.min(Math.max(limit, 1), 50))
    .toArray()
}

export async function averageStars(sku: string): Promise<number> {
  const [row] = await reviews
    .aggregate<{ avg: number }>([
      { $match: { sku, published: true } },
      { $group: { _id: null, avg: { $avg: '$stars' } } },
    ])
    .toArray()
  return row?.avg ?? 0
}
