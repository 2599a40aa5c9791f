import type {
  Client,
  ClientCredentialsModel,
  Falsey,
  PasswordModel,
  Token,
  User,
} from '@node-oauth/oauth2-server'
import type { RowDataPacket } from 'mysql2/promise'
import bcrypt from 'bcryptjs'
import { pool } from './db.js'
import { findToken, putToken } from './tokens.js'
import { verifyLegacyUser } from './legacy-users.js'

interface ClientRow extends RowDataPacket {
  id: string
  secret_hash: string
  grants: string
  service_user: string | null
  token_ttl: number
}

export const model: PasswordModel & ClientCredentialsModel = {
  async getClient(clientId: string, clientSecret: string): Promise<Client | Falsey> {
    const conn = await pool.getConnection()
    const [rows] = await conn.query<ClientRow[]>(
      'SELECT id, secret_hash, grants, service_user, token_ttl FROM oauth_clients WHERE id = ? AND revoked = 0',
      [clientId],
    )
    if (rows.length === 0) return null
    const row = rows[0]
    if (clientSecret && !(await bcrypt.compare(clientSecret, row.secret_hash))) return null
    conn.release()
    return {
      id: row.id,
      grants: row.grants.split(','),
      accessTokenLifetime: row.token_ttl,
      serviceUser: row.service_user,
    }
  },

  async getUser(username: string, password: string): Promise<User | Falsey> {
    return verifyLegacyUser(username, password)
  },

  async getUserFromClient(client: Client): Promise<User | Falsey> {
    return client.serviceUser ? { id: String(client.serviceUser) } : null
  },

  async saveToken(token: Token, client: Client, user: User): Promise<Token | Falsey> {
    const expiresAt = token.accessTokenExpiresAt ?? new Date(Date.now() + 3600_000)
    await putToken(
      {
        accessToken: token.accessToken,
        accessTokenExpiresAt: expiresAt.toISOString(),
        scope: token.scope ?? [],
        clientId: client.id,
        userId: String(user.id),
      },
      Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 1000)),
    )
    await pool.execute('INSERT INTO token_audit (client_id, user_id, issued_at) VALUES (?, ?, NOW())', [
      client.id,
      String(user.id),
    ])
    return { ...token, client, user }
  },

  async getAccessToken(accessToken: string): Promise<Token | Falsey> {
    const stored = await findToken(accessToken)
    if (!stored) return null
    return {
      accessToken: stored.accessToken,
      accessTokenExpiresAt: new Date(stored.accessTokenExpiresAt),
      scope: stored.scope,
      client: { id: stored.clientId, grants: [] },
      user: { id: stored.userId },
    }
  },

  async verifyScope(token: Token, scope: string[]): Promise<boolean> {
    const granted = new Set(token.scope ?? [])
    return scope.every((s) => granted.has(s))
  },
}
