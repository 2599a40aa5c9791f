import { onMounted, ref, type Ref } from 'vue'

export type Tick = { symbol: string; price: number; ts: number }

const WS_URL = import.meta.env.VITE_TICKER_WS ?? 'wss://stream.example.com/ticker'

export function useTicker(symbols: Ref<string[]>) {
  const ticks = ref<Record<string, Tick>>({})
  const connected = ref(false)

  onMounted(() => {
    const socket = new WebSocket(WS_URL)
    socket.addEventListener('open', () => {
      connected.value = true
      socket.send(JSON.stringify({ op: 'subscribe', symbols: symbols.value }))
    })
    socket.addEventListener('message', (ev) => {
      const tick = JSON.parse(ev.data as string) as Tick
      ticks.value = { ...ticks.value, [tick.symbol]: tick }
    })
    socket.addEventListener('close', () => {
      connected.value = false
    })
  })

  return { ticks, connected }
}
