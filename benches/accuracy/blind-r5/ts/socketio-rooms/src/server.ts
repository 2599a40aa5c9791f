import { createServer } from 'node:http'
import { Server } from 'socket.io'
import jwt from 'jsonwebtoken'
import { registerRoomHandlers } from './handlers/rooms.js'
import { registerMessageHandlers } from './handlers/messages.js'

const httpServer = createServer()
const io = new Server(httpServer, {
  cors: { origin: process.env.WEB_ORIGIN ?? 'http://localhost:5173', credentials: true },
})

io.use((socket, next) => {
  try {
    const token = socket.handshake.auth.token as string
    const claims = jwt.verify(token, process.env.JWT_SECRET!) as { sub: string }
    socket.data.userId = claims.sub
    next()
  } catch {
    next(new Error('unauthorized'))
  }
})

io.on('connection', (socket) => {
  registerRoomHandlers(io, socket)
  registerMessageHandlers(io, socket)
})

httpServer.listen(Number(process.env.PORT ?? 4000))
