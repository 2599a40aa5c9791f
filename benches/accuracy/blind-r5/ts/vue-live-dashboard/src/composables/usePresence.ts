import { onBeforeUnmount, onMounted, ref } from 'vue'
import { io, type Socket } from 'socket.io-client'

export function usePresence(room: string) {
  const online = ref<string[]>([])
  let socket: Socket | null = null

  onMounted(() => {
    socket = io(import.meta.env.VITE_PRESENCE_URL ?? '/', {
      path: '/presence',
      transports: ['websocket'],
      withCredentials: true,
    })
    socket.emit('join', room)
    socket.on('presence', (users: string[]) => {
      online.value = users
    })
  })

  onBeforeUnmount(() => {
    socket?.emit('leave', room)
    socket?.disconnect()
    socket = null
  })

  return { online }
}
