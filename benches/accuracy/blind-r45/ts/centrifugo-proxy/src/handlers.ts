import { sessions, boardAcls } from './control'
import { cards } from './tenants'

export interface ProxyRequest {
  client: string
  transport: string
  protocol: string
  encoding: string
  user?: string
  method?: string
  channel?: string
  data?: unknown
}

type ProxyReply =
  | { result: Record<string, unknown> }
  | { error: { code: number; message: string } }
  | { disconnect: { code: number; reason: string } }

function splitUser(user = ''): { tenant: string; userId: string } {
  const [tenant, userId] = user.split(':')
  return { tenant, userId }
}

export async function onConnect(_req: ProxyRequest, authorization?: string): Promise<ProxyReply> {
  const token = authorization?.replace(/^Bearer\s+/i, '')
  if (!token) return { disconnect: { code: 4501, reason: 'unauthorized' } }
  const session = await sessions.findOne({ token, expiresAt: { $gt: new Date() } })
  if (!session) return { disconnect: { code: 4501, reason: 'unauthorized' } }
  return {
    result: {
      user: `${session.tenant}:${session.userId}`,
      expire_at: Math.floor(session.expiresAt.getTime() / 1000),
    },
  }
}

export async function onSubscribe(req: ProxyRequest): Promise<ProxyReply> {
  const { tenant, userId } = splitUser(req.user)
  const boardId = req.channel?.replace(/^board:/, '') ?? ''
  const acl = await boardAcls.findOne({ tenant, boardId })
  if (!acl || !acl.members.includes(userId)) return { error: { code: 403, message: 'permission denied' } }
  return { result: {} }
}

export async function onRpc(req: ProxyRequest): Promise<ProxyReply> {
  const { tenant, userId } = splitUser(req.user)
  const data = (req.data ?? {}) as { boardId?: string; cardId?: string; column?: string }
  const coll = await cards(tenant)

  switch (req.method) {
    case 'card.get': {
      const res = await coll.get(`${data.boardId}::${data.cardId}`)
      return { result: { data: res.content } }
    }
    case 'card.move': {
      const key = `${data.boardId}::${data.cardId}`
      const current = await coll.get(key)
      await coll.replace(key, { ...current.content, column: data.column, movedBy: userId, movedAt: Date.now() }, { cas: current.cas })
      return { result: { data: { ok: true } } }
    }
    default:
      return { error: { code: 404, message: `unknown method ${req.method}` } }
  }
}
