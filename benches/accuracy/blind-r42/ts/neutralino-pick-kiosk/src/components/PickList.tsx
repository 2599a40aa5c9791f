import { useEffect, useRef, useState } from 'react'

type Pick = { id: string; sku: string; bin: string; qty: number; picked: boolean }
type Props = { station: string; lastScan: string | null }

const API = import.meta.env.VITE_WMS_URL ?? 'https://wms.internal.acme.dev'

export default function PickList({ station, lastScan }: Props) {
  const [picks, setPicks] = useState<Pick[]>([])
  const [cursor, setCursor] = useState(0)
  const [compact, setCompact] = useState(false)
  const listRef = useRef<HTMLUListElement>(null)

  // Server pushes the station's pick queue; the stream is closed when the station changes.
  useEffect(() => {
    const source = new EventSource(`${API}/stations/${station}/picks/stream`, { withCredentials: true })
    source.addEventListener('snapshot', (ev) => setPicks(JSON.parse((ev as MessageEvent).data)))
    source.addEventListener('picked', (ev) => {
      const { id } = JSON.parse((ev as MessageEvent).data) as { id: string }
      setPicks((ps) => ps.map((p) => (p.id === id ? { ...p, picked: true } : p)))
    })
    return () => source.close()
  }, [station])

  // Arrow keys move the highlighted line.
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, picks.length - 1))
      if (ev.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0))
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [picks.length])

  // Switch to the compact layout on the small handheld screens.
  useEffect(() => {
    const el = listRef.current
    if (!el) return
    const observer = new ResizeObserver(([entry]) => setCompact(entry.contentRect.width < 640))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // Confirm a pick when the scanned code matches the highlighted line.
  useEffect(() => {
    const current = picks[cursor]
    if (!lastScan || !current || current.sku !== lastScan) return
    const controller = new AbortController()
    fetch(`${API}/picks/${current.id}/confirm`, { method: 'POST', credentials: 'include', signal: controller.signal })
      .catch(() => {})
    return () => controller.abort()
  }, [lastScan])

  return (
    <ul ref={listRef} className={compact ? 'picks compact' : 'picks'}>
      {picks.map((p, i) => (
        <li key={p.id} className={[i === cursor && 'active', p.picked && 'done'].filter(Boolean).join(' ')}>
          <b>{p.bin}</b> {p.sku} × {p.qty}
        </li>
      ))}
    </ul>
  )
}
