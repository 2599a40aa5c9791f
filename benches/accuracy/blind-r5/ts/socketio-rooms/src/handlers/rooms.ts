import type { Server, Socket } from 'socket.io'
import type { RowDataPacket } from 'mysql2/promise'
import { pool } from '../db.js'

type Ack = (res: { ok: boolean; error?: string }) => void

export function registerRoomHandlers(io: Server, socket: Socket) {
  socket.on('room:join', async (roomId: string, ack: Ack) => {
    const conn = await pool.getConnection()
    const [rooms] = await conn.query<RowDataPacket[]>(
      'select id, is_private from rooms where id = ?',
      [roomId],
    )
    if (rooms.length === 0) {
      ack({ ok: false, error: 'no such room' })
      return
    }
    if (rooms[0].is_private) {
      const [members] = await conn.query<RowDataPacket[]>(
        'select 1 from room_invites where room_id = ? and user_id = ?',
        [roomId, socket.data.userId],
      )
      if (members.length === 0) {
        ack({ ok: false, error: 'not invited' })
        return
      }
    }
    await conn.query(
      'insert into room_members (room_id, user_id) values (?, ?) on duplicate key update joined_at = now()',
      [roomId, socket.data.userId],
    )
    conn.release()

    await socket.join(roomId)
    io.to(roomId).emit('room:member-joined', { roomId, userId: socket.data.userId })
    ack({ ok: true })
  })

  socket.on('room:leave', async (roomId: string) => {
    await pool.execute('delete from room_members where room_id = ? and user_id = ?', [
      roomId,
      socket.data.userId,
    ])
    await socket.leave(roomId)
    io.to(roomId).emit('room:member-left', { roomId, userId: socket.data.userId })
  })
}
