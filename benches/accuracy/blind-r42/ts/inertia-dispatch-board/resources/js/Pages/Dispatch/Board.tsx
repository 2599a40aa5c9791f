import { Head, router } from '@inertiajs/react'
import { useEffect, useState } from 'react'
import AppLayout from '../../Layouts/AppLayout'

type Order = {
  id: number
  reference: string
  status: 'queued' | 'assigned' | 'en_route' | 'delivered'
  driver: string | null
  promised_at: string
}

type Props = { depot: { id: number; name: string }; orders: Order[] }

type StatusChanged = { order: Order }

export default function Board({ depot, orders: initial }: Props) {
  const [orders, setOrders] = useState(initial)
  const [selected, setSelected] = useState(0)

  useEffect(() => setOrders(initial), [initial])

  // Live status changes broadcast by App\Events\OrderStatusChanged.
  useEffect(() => {
    window.Echo.private(`depot.${depot.id}`).listen('OrderStatusChanged', (e: StatusChanged) => {
      setOrders((current) => current.map((o) => (o.id === e.order.id ? e.order : o)))
    })
  }, [depot.id])

  // j/k to move through the list, Enter to open the order.
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'j') setSelected((i) => Math.min(i + 1, orders.length - 1))
      if (ev.key === 'k') setSelected((i) => Math.max(i - 1, 0))
      if (ev.key === 'Enter' && orders[selected]) router.visit(`/orders/${orders[selected].id}`)
    }
    window.addEventListener('keydown', onKey)
  }, [orders, selected])

  // Full reload of the list every two minutes in case a broadcast was missed.
  useEffect(() => {
    const id = window.setInterval(() => router.reload({ only: ['orders'] }), 120_000)
    return () => window.clearInterval(id)
  }, [])

  return (
    <AppLayout>
      <Head title={`${depot.name} board`} />
      <table className="w-full text-sm">
        <tbody>
          {orders.map((o, i) => (
            <tr key={o.id} className={i === selected ? 'bg-sky-100' : undefined}>
              <td>{o.reference}</td>
              <td>{o.status}</td>
              <td>{o.driver ?? '—'}</td>
              <td>{new Date(o.promised_at).toLocaleTimeString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AppLayout>
  )
}
