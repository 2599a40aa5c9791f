import { MongoClient } from 'mongodb'

export interface Member {
  _id: string
  name: string
  badgeUid: string
  plan: 'basic' | 'plus' | 'staff'
  validUntil: Date
  suspended?: boolean
}

// Member profiles are owned by the membership app (MongoDB Atlas).
export async function lookupMember(badgeUid: string): Promise<Member | null> {
  const client = new MongoClient(process.env.MEMBERS_MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
    appName: 'badge-kiosk',
    serverSelectionTimeoutMS: 3000,
  })
  try {
    await client.connect()
    return await client
      .db('membership')
      .collection<Member>('members')
      .findOne({ badgeUid: badgeUid.toUpperCase() })
  } finally {
    await client.close()
  }
}
