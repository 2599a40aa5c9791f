import { useEffect, useState } from 'react'
import { Card, CardContent, CardHeader, List as MuiList, ListItem, ListItemText } from '@mui/material'
import { Title, useDataProvider } from 'react-admin'
import { useLiveOrders } from './useLiveOrders'

interface QueueStats {
  pending: number
  failed: number
}

export function Dashboard() {
  const dataProvider = useDataProvider()
  const orders = useLiveOrders(8)
  const [stats, setStats] = useState<QueueStats | null>(null)

  useEffect(() => {
    let cancelled = false
    const load = () =>
      dataProvider
        .getOne<QueueStats & { id: string }>('queue-stats', { id: 'current' })
        .then(({ data }) => {
          if (!cancelled) setStats(data)
        })
        .catch(() => undefined)

    load()
    const timer = window.setInterval(load, 15_000)
    const onVisible = () => {
      if (document.visibilityState === 'visible') load()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      cancelled = true
      window.clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [dataProvider])

  return (
    <Card>
      <Title title="Operations" />
      <CardHeader title={stats ? `${stats.pending} jobs pending, ${stats.failed} failed` : 'Loading queue stats…'} />
      <CardContent>
        <MuiList dense>
          {orders.map((o) => (
            <ListItem key={o.id}>
              <ListItemText primary={o.customer} secondary={`$${(o.totalCents / 100).toFixed(2)}`} />
            </ListItem>
          ))}
        </MuiList>
      </CardContent>
    </Card>
  )
}
