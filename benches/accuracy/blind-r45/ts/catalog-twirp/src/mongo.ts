import { MongoClient } from 'mongodb'

export const mongo = new MongoClient(process.env.CONTENT_MONGO_URL ?? 'mongodb://127.0.0.1:27017/content')

export const contentDb = mongo.db('content')
