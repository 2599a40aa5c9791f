import { Head } from '@inertiajs/react'
import { useEffect, useState } from 'react'
import AppLayout from '../../Layouts/AppLayout'

type Driver = { id: number; name: string; shift_started_at: string; vehicle: string }
type Member = { id: number; name: string }
type Props = { driver: Driver }

function formatDuration(ms: number) {
  const m = Math.floor(ms / 60000)
  return `${Math.floor(m / 60)}h ${m % 60}m`
}

export default function Show({ driver }: Props) {
  const [now, setNow] = useState(Date.now())
  const [watchers, setWatchers] = useState<Member[]>([])

  // Who else is looking at this driver right now (presence channel).
  useEffect(() => {
    const name = `driver.${driver.id}`
    window.Echo.join(name)
      .here((members: Member[]) => setWatchers(members))
      .joining((m: Member) => setWatchers((ws) => [...ws, m]))
      .leaving((m: Member) => setWatchers((ws) => ws.filter((w) => w.id !== m.id)))
    return () => window.Echo.leave(name)
  }, [driver.id])

  // Shift clock.
  useEffect(() => {
    setInterval(() => setNow(Date.now()), 1000)
  }, [])

  const onShift = now - new Date(driver.shift_started_at).getTime()

  return (
    <AppLayout>
      <Head title={driver.name} />
      <h1 className="text-xl font-semibold">{driver.name}</h1>
      <p>Vehicle {driver.vehicle}</p>
      <p>On shift for {formatDuration(onShift)}</p>
      <p className="text-slate-500">
        Also viewing: {watchers.map((w) => w.name).join(', ') || 'nobody'}
      </p>
    </AppLayout>
  )
}
