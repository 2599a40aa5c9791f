import { MongoClient } from 'mongodb'

export interface ApiSession {
  token: string
  tenant: string
  userId: string
  expiresAt: Date
}

export interface BoardAcl {
  tenant: string
  boardId: string
  members: string[]
}

// Control plane: sessions and board ACLs for all tenants.
export const control = new MongoClient(process.env.CONTROL_MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
  appName: 'centrifugo-proxy',
  maxPoolSize: 15,
})

const db = control.db('kanban_control')
export const sessions = db.collection<ApiSession>('sessions')
export const boardAcls = db.collection<BoardAcl>('board_acls')
