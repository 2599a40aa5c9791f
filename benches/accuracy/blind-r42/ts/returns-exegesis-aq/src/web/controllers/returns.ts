import oracledb from 'oracledb'
import type { ExegesisContext } from 'exegesis'
import { getPool } from '../../lib/deps'
import { RETURNS_QUEUE } from '../../lib/db'

type NewReturn = { orderId: string; sku: string; reason: 'damaged' | 'wrong_item' | 'not_needed' }

// Called by exegesis for every POST /returns.
export async function createReturn(context: ExegesisContext) {
  const body = context.requestBody as NewReturn
  const conn = await getPool().getConnection()
  try {
    const result = await conn.execute<{ id: number[] }>(
      `INSERT INTO returns (order_id, sku, reason, status, created_at)
       VALUES (:orderId, :sku, :reason, 'requested', SYSTIMESTAMP)
       RETURNING id INTO :id`,
      { ...body, id: { dir: oracledb.BIND_OUT, type: oracledb.NUMBER } },
    )
    const id = result.outBinds!.id[0]

    // Same transaction: the refund request only becomes visible if the insert commits.
    const queue = await conn.getQueue(RETURNS_QUEUE, { payloadType: oracledb.DB_TYPE_JSON })
    await queue.enqOne({ payload: { returnId: id, orderId: body.orderId, sku: body.sku } } as any)
    await conn.commit()

    context.res.status(201)
    return { id, status: 'requested' }
  } finally {
    await conn.close()
  }
}

// Called by exegesis for every GET /returns/{returnId}.
export async function getReturn(context: ExegesisContext) {
  const conn = await getPool().getConnection()
  try {
    const { rows } = await conn.execute(
      'SELECT id, order_id, sku, reason, status, refunded_cents FROM returns WHERE id = :id',
      { id: context.params.path.returnId },
    )
    if (!rows || rows.length === 0) {
      context.res.status(404).setBody({ message: 'return not found' })
      return
    }
    return rows[0]
  } finally {
    await conn.close()
  }
}
