import { useEffect, useState } from 'react'
import { useNotify, useRefresh } from 'react-admin'

export interface LiveOrder {
  id: string
  customer: string
  totalCents: number
}

/** Streams newly placed orders from the API's SSE endpoint while mounted. */
export function useLiveOrders(limit = 10) {
  const [orders, setOrders] = useState<LiveOrder[]>([])
  const notify = useNotify()
  const refresh = useRefresh()

  useEffect(() => {
    const source = new EventSource('/api/orders/stream')
    const onOrder = (event: MessageEvent<string>) => {
      const order = JSON.parse(event.data) as LiveOrder
      setOrders((prev) => [order, ...prev].slice(0, limit))
    }
    const onError = () => notify('Live order feed interrupted, retrying…', { type: 'warning' })
    source.addEventListener('order', onOrder)
    source.addEventListener('error', onError)
    return () => {
      source.removeEventListener('order', onOrder)
      source.removeEventListener('error', onError)
      source.close()
    }
  }, [limit, notify])

  useEffect(() => {
    const channel = new BroadcastChannel('ops-console')
    channel.onmessage = (event) => {
      if (event.data === 'orders-changed') refresh()
    }
    return () => channel.close()
  }, [refresh])

  return orders
}
