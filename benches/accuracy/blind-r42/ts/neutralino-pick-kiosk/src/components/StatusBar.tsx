import { events } from '@neutralinojs/lib'
import { useEffect, useState } from 'react'

type Props = { station: string; scannerConnected: boolean }

export default function StatusBar({ station, scannerConnected }: Props) {
  const [now, setNow] = useState(() => new Date())
  const [online, setOnline] = useState(navigator.onLine)
  const [focused, setFocused] = useState(true)

  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 1000)
    return () => window.clearInterval(id)
  }, [])

  useEffect(() => {
    const up = () => setOnline(true)
    const down = () => setOnline(false)
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
    return () => {
      window.removeEventListener('online', up)
      window.removeEventListener('offline', down)
    }
  }, [])

  useEffect(() => {
    const onFocus = () => setFocused(true)
    const onBlur = () => setFocused(false)
    events.on('windowFocus', onFocus)
    events.on('windowBlur', onBlur)
    return () => {
      events.off('windowFocus', onFocus)
      events.off('windowBlur', onBlur)
    }
  }, [])

  return (
    <footer className={focused ? 'status' : 'status dimmed'}>
      <span>Station {station}</span>
      <span>{online ? 'Network OK' : 'OFFLINE'}</span>
      <span>{scannerConnected ? 'Scanner ready' : 'Scanner disconnected'}</span>
      <time>{now.toLocaleTimeString()}</time>
    </footer>
  )
}
