import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions'
import { pool } from '../shared/db'
import { getRawContainer } from '../shared/blob'

type Reading = { deviceId: string; recordedAt: string; value: number }

export async function ingest(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const readings = (await request.json()) as Reading[]
  if (!Array.isArray(readings) || readings.length === 0) {
    return { status: 400, jsonBody: { error: 'expected a non-empty array of readings' } }
  }

  const blobPath = `${new Date().toISOString().slice(0, 10)}/${context.invocationId}.json`
  const body = JSON.stringify(readings)
  await getRawContainer().getBlockBlobClient(blobPath).upload(body, Buffer.byteLength(body))

  await pool.query(
    `insert into readings (device_id, recorded_at, value, blob_path)
     select r.device_id, r.recorded_at, r.value, $2
       from jsonb_to_recordset($1::jsonb) as r(device_id text, recorded_at timestamptz, value float8)`,
    [JSON.stringify(readings.map((r) => ({ device_id: r.deviceId, recorded_at: r.recordedAt, value: r.value }))), blobPath],
  )

  context.log(`stored ${readings.length} readings in ${blobPath}`)
  return { status: 202, jsonBody: { accepted: readings.length } }
}

app.http('ingest', {
  methods: ['POST'],
  authLevel: 'function',
  handler: ingest,
})
