import type { Server, Socket } from 'socket.io'
import { Pool } from 'undici'
import { pool } from '../db.js'

const URL_RE = /https?:\/\/\S+/

export function registerMessageHandlers(io: Server, socket: Socket) {
  socket.on('message:send', async (roomId: string, text: string) => {
    if (!socket.rooms.has(roomId)) return
    const [result] = await pool.execute(
      'insert into messages (room_id, user_id, body) values (?, ?, ?)',
      [roomId, socket.data.userId, text],
    )
    const messageId = (result as { insertId: number }).insertId
    io.to(roomId).emit('message:new', { id: messageId, roomId, userId: socket.data.userId, text })

    const link = text.match(URL_RE)?.[0]
    if (!link) return

    // ask the unfurl service for a preview card
    const unfurl = new Pool(process.env.UNFURL_URL ?? 'http://unfurl:8080', { connections: 8 })
    const { statusCode, body } = await unfurl.request({
      path: `/preview?url=${encodeURIComponent(link)}`,
      method: 'GET',
      headersTimeout: 3000,
    })
    if (statusCode !== 200) {
      await body.dump()
      return
    }
    const card = await body.json()
    io.to(roomId).emit('message:preview', { id: messageId, card })
  })
}
