import { useEffect, useRef, useState } from 'react'

// The barcode scanner bridge runs next to the kiosk and pushes scans over a local socket.
export function useScannerSocket(url: string, onScan: (code: string) => void) {
  const [connected, setConnected] = useState(false)
  const onScanRef = useRef(onScan)
  onScanRef.current = onScan

  useEffect(() => {
    let socket: WebSocket | null = null
    let retry: number | undefined
    let disposed = false

    const connect = () => {
      socket = new WebSocket(url)
      socket.onopen = () => setConnected(true)
      socket.onmessage = (ev) => onScanRef.current(String(ev.data).trim())
      socket.onclose = () => {
        setConnected(false)
        if (!disposed) retry = window.setTimeout(connect, 2000)
      }
    }
    connect()

    return () => {
      disposed = true
      window.clearTimeout(retry)
      socket?.close()
    }
  }, [url])

  return { connected }
}
