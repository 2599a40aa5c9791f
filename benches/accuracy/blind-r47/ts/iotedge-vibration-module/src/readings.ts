import { pool } from './db.js'

export interface Reading {
  deviceId: string
  line: string
  rms: number
  peak: number
  ts: string
}

export interface Alert {
  deviceId: string
  line: string
  severity: 'warn' | 'trip'
  rms: number
  peak: number
  ts: string
}

interface LimitRow {
  rms_limit: number
  peak_limit: number
}

export async function handleReading(raw: string): Promise<Alert | null> {
  const reading = JSON.parse(raw) as Reading
  const conn = await pool.connect()
  await conn.query('BEGIN')
  const { rows } = await conn.query<LimitRow>(
    'SELECT rms_limit, peak_limit FROM sensor_limits WHERE device_id = $1',
    [reading.deviceId],
  )
  if (rows.length === 0) {
    // sensor not commissioned yet: drop the reading
    return null
  }
  const { rms_limit, peak_limit } = rows[0]
  await conn.query(
    'INSERT INTO vibration_readings (device_id, line, rms, peak, read_at) VALUES ($1, $2, $3, $4, $5)',
    [reading.deviceId, reading.line, reading.rms, reading.peak, reading.ts],
  )
  let alert: Alert | null = null
  if (reading.peak > peak_limit) {
    alert = { ...reading, severity: 'trip' }
  } else if (reading.rms > rms_limit) {
    alert = { ...reading, severity: 'warn' }
  }
  if (alert) {
    await conn.query(
      'INSERT INTO vibration_alerts (device_id, line, severity, raised_at) VALUES ($1, $2, $3, $4)',
      [alert.deviceId, alert.line, alert.severity, alert.ts],
    )
  }
  await conn.query('COMMIT')
  conn.release()
  return alert
}
