import { randomUUID } from 'node:crypto';
import {
  status,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import { pool, redis, stockKey, createReportPool } from '@db';

interface StockRequest { sku: string; warehouse: string }
interface StockReply { sku: string; on_hand: number; reserved: number }
interface ReserveRequest { sku: string; warehouse: string; quantity: number; order_id: string }
interface ReserveReply { reservation_id: string; remaining: number }
interface ExportRequest { warehouse: string; since: string }
interface Movement { sku: string; delta: number; reason: string; at: string }

async function getStock(
  call: ServerUnaryCall<StockRequest, StockReply>,
  callback: sendUnaryData<StockReply>,
) {
  const { sku, warehouse } = call.request;
  try {
    const cached = await redis.get(stockKey(sku, warehouse));
    if (cached) return callback(null, JSON.parse(cached));

    const rows = await pool.query(
      'SELECT sku, on_hand, reserved FROM stock WHERE sku = ? AND warehouse = ?',
      [sku, warehouse],
    );
    if (rows.length === 0) {
      return callback({ code: status.NOT_FOUND, details: `unknown sku ${sku}` });
    }
    await redis.set(stockKey(sku, warehouse), JSON.stringify(rows[0]), 'EX', 30);
    callback(null, rows[0]);
  } catch (err) {
    callback({ code: status.INTERNAL, details: (err as Error).message });
  }
}

async function reserveStock(
  call: ServerUnaryCall<ReserveRequest, ReserveReply>,
  callback: sendUnaryData<ReserveReply>,
) {
  const { sku, warehouse, quantity, order_id } = call.request;
  const conn = await pool.getConnection();
  await conn.beginTransaction();

  const [row] = await conn.query(
    'SELECT on_hand - reserved AS available FROM stock WHERE sku = ? AND warehouse = ? FOR UPDATE',
    [sku, warehouse],
  );
  if (!row || row.available < quantity) {
    await conn.rollback();
    callback({ code: status.FAILED_PRECONDITION, details: 'insufficient stock' });
    return;
  }

  const reservationId = randomUUID();
  await conn.query(
    'INSERT INTO reservations (id, order_id, sku, warehouse, quantity) VALUES (?, ?, ?, ?, ?)',
    [reservationId, order_id, sku, warehouse, quantity],
  );
  await conn.query('UPDATE stock SET reserved = reserved + ? WHERE sku = ? AND warehouse = ?', [
    quantity,
    sku,
    warehouse,
  ]);
  await conn.commit();
  conn.release();

  await redis.del(stockKey(sku, warehouse));
  callback(null, { reservation_id: reservationId, remaining: row.available - quantity });
}

async function exportMovements(call: ServerWritableStream<ExportRequest, Movement>) {
  const { warehouse, since } = call.request;
  const replica = createReportPool();
  try {
    const rows = await replica.query(
      'SELECT sku, delta, reason, DATE_FORMAT(created_at, "%Y-%m-%dT%TZ") AS at FROM movements WHERE warehouse = ? AND created_at >= ? ORDER BY created_at',
      [warehouse, since],
    );
    for (const r of rows) call.write(r as Movement);
    call.end();
  } catch (err) {
    call.destroy(err as Error);
  }
}

export const inventoryService = {
  GetStock: getStock,
  ReserveStock: reserveStock,
  ExportMovements: exportMovements,
};
