import { app, events } from '@neutralinojs/lib'
import { useEffect, useState } from 'react'
import PickList from './components/PickList'
import StatusBar from './components/StatusBar'
import { useScannerSocket } from './hooks/useScannerSocket'

export default function App() {
  const station = new URLSearchParams(location.search).get('station') ?? 'A1'
  const [lastScan, setLastScan] = useState<string | null>(null)
  const scanner = useScannerSocket('ws://127.0.0.1:8765/scans', setLastScan)

  // Closing the kiosk window asks the native side to exit cleanly.
  useEffect(() => {
    const onClose = () => {
      app.exit()
    }
    events.on('windowClose', onClose)
    return () => {
      events.off('windowClose', onClose)
    }
  }, [])

  return (
    <div className="kiosk">
      <PickList station={station} lastScan={lastScan} />
      <StatusBar station={station} scannerConnected={scanner.connected} />
    </div>
  )
}
