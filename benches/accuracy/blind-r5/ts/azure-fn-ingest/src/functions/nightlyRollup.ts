import { app, type InvocationContext, type Timer } from '@azure/functions'
import { pool } from '../shared/db'

export async function nightlyRollup(timer: Timer, context: InvocationContext): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const res = await client.query(
      `insert into daily_rollups (device_id, day, avg_value, samples)
       select device_id, recorded_at::date, avg(value), count(*)
         from readings
        where recorded_at >= current_date - interval '1 day' and recorded_at < current_date
        group by device_id, recorded_at::date
       on conflict (device_id, day) do update
         set avg_value = excluded.avg_value, samples = excluded.samples`,
    )
    await client.query('COMMIT')
    context.log(`rolled up ${res.rowCount} device-days (past due: ${timer.isPastDue})`)
  } catch (err) {
    await client.query('ROLLBACK')
    throw err
  } finally {
    client.release()
  }
}

app.timer('nightlyRollup', {
  schedule: '0 15 2 * * *',
  handler: nightlyRollup,
})
