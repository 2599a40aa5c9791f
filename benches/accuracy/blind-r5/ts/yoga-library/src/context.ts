import DataLoader from 'dataloader'
import { ObjectId, type Db, type MongoClient } from 'mongodb'
import type { YogaInitialContext } from 'graphql-yoga'
import { getDb, getMongoClient } from './mongo'

export type Author = { _id: ObjectId; name: string }
export type Book = { _id: ObjectId; title: string; authorId: ObjectId; copies: number }

export type Context = {
  db: Db
  mongo: MongoClient
  authorLoader: DataLoader<string, Author | null>
  memberId: string | null
}

// Built for every GraphQL request: fresh loaders, shared database handle.
export async function createContext({ request }: YogaInitialContext): Promise<Context> {
  const mongo = await getMongoClient()
  const db = await getDb()
  const authorLoader = new DataLoader<string, Author | null>(async (ids) => {
    const docs = await db
      .collection<Author>('authors')
      .find({ _id: { $in: ids.map((id) => new ObjectId(id)) } })
      .toArray()
    const byId = new Map(docs.map((d) => [d._id.toHexString(), d]))
    return ids.map((id) => byId.get(id) ?? null)
  })
  return { db, mongo, authorLoader, memberId: request.headers.get('x-member-id') }
}
