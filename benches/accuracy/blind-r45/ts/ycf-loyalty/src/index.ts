import { TypedData, TypedValues } from 'ydb-sdk'
import { Redis } from '@upstash/redis'
import { getDriver } from './ydb'

interface ApiGatewayEvent {
  httpMethod: string
  path: string
  headers: Record<string, string>
  queryStringParameters?: Record<string, string>
  body?: string
  isBase64Encoded?: boolean
}

interface FunctionContext {
  requestId: string
  functionName: string
}

interface Response {
  statusCode: number
  headers?: Record<string, string>
  body: string
}

const json = (statusCode: number, payload: unknown): Response => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(payload),
})

async function readBalance(customerId: string): Promise<number> {
  const driver = await getDriver()
  return driver.tableClient.withSession(async (session) => {
    const { resultSets } = await session.executeQuery(
      `DECLARE $id AS Utf8;
       SELECT points FROM balances WHERE customer_id = $id;`,
      { $id: TypedValues.utf8(customerId) },
    )
    const rows = TypedData.createNativeObjects(resultSets[0]) as Array<{ points: number }>
    return rows[0]?.points ?? 0
  })
}

async function addPoints(customerId: string, delta: number, orderId: string): Promise<void> {
  const driver = await getDriver()
  await driver.tableClient.withSession(async (session) => {
    await session.executeQuery(
      `DECLARE $id AS Utf8; DECLARE $delta AS Int64; DECLARE $order AS Utf8;
       UPSERT INTO ledger (customer_id, order_id, delta, created_at) VALUES ($id, $order, $delta, CurrentUtcTimestamp());
       UPSERT INTO balances (customer_id, points)
         SELECT $id AS customer_id, COALESCE(MAX(points), 0) + $delta AS points FROM balances WHERE customer_id = $id;`,
      {
        $id: TypedValues.utf8(customerId),
        $delta: TypedValues.int64(delta),
        $order: TypedValues.utf8(orderId),
      },
    )
  })
}

export const handler = async (event: ApiGatewayEvent, context: FunctionContext): Promise<Response> => {
  // Upstash is a REST API: every command is a single HTTPS request, nothing to pool or close.
  const redis = new Redis({
    url: process.env.UPSTASH_REDIS_REST_URL ?? '',
    token: process.env.UPSTASH_REDIS_REST_TOKEN ?? '',
  })

  const customerId = event.queryStringParameters?.customer
  if (!customerId) return json(400, { error: 'customer is required', requestId: context.requestId })

  if (event.httpMethod === 'GET') {
    const cached = await redis.get<number>(`balance:${customerId}`)
    if (cached !== null) return json(200, { customerId, points: cached, cached: true })
    const points = await readBalance(customerId)
    await redis.set(`balance:${customerId}`, points, { ex: 60 })
    return json(200, { customerId, points, cached: false })
  }

  if (event.httpMethod === 'POST') {
    const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body ?? '{}'
    const { orderId, amountCents } = JSON.parse(raw) as { orderId?: string; amountCents?: number }
    if (!orderId || !amountCents) return json(400, { error: 'orderId and amountCents are required' })
    const first = await redis.set(`order-credited:${orderId}`, 1, { nx: true, ex: 86400 })
    if (first === null) return json(409, { error: 'order already credited' })
    await addPoints(customerId, Math.floor(amountCents / 100), orderId)
    await redis.del(`balance:${customerId}`)
    return json(201, { customerId, orderId })
  }

  return json(405, { error: 'method not allowed' })
}
