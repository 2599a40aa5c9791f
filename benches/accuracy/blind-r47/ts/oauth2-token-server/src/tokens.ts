import { Redis } from 'ioredis'

export const tokenStore = new Redis(process.env.TOKEN_REDIS_URL ?? 'redis://127.0.0.1:6379/2')

export interface StoredToken {
  accessToken: string
  accessTokenExpiresAt: string
  scope: string[]
  clientId: string
  userId: string
}

export async function putToken(token: StoredToken, ttlSeconds: number): Promise<void> {
  await tokenStore.set(`oauth:at:${token.accessToken}`, JSON.stringify(token), 'EX', ttlSeconds)
}

export async function findToken(accessToken: string): Promise<StoredToken | null> {
  const raw = await tokenStore.get(`oauth:at:${accessToken}`)
  return raw ? (JSON.parse(raw) as StoredToken) : null
}
