import oracledb from 'oracledb';
import { POOL_ALIAS } from './pool';

export interface ShipmentEvent {
  shipmentId: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  status: 'label_created' | 'in_transit' | 'delivered' | 'exception';
  occurredAt: string;
}

export interface Customer {
  EMAIL: string;
  FIRST_NAME: string;
  LOCALE: string;
}

export async function recordShipmentEvent(evt: ShipmentEvent): Promise<void> {
  const conn = await oracledb.getPool(POOL_ALIAS).getConnection();
  await conn.execute(
    `MERGE INTO shipments s
       USING (SELECT :id AS id FROM dual) src ON (s.id = src.id)
     WHEN MATCHED THEN UPDATE SET s.status = :status, s.updated_at = SYSTIMESTAMP
     WHEN NOT MATCHED THEN INSERT (id, order_id, carrier, tracking_number, status)
       VALUES (:id, :orderId, :carrier, :tracking, :status)`,
    { id: evt.shipmentId, orderId: evt.orderId, carrier: evt.carrier, tracking: evt.trackingNumber, status: evt.status },
  );
  await conn.execute(
    `INSERT INTO shipment_events (shipment_id, status, occurred_at)
     VALUES (:id, :status, TO_TIMESTAMP_TZ(:at, 'YYYY-MM-DD"T"HH24:MI:SS.FFTZH:TZM'))`,
    { id: evt.shipmentId, status: evt.status, at: evt.occurredAt },
  );
  await conn.commit();
  await conn.close();
}

export async function customerForOrder(orderId: string): Promise<Customer | undefined> {
  const conn = await oracledb.getPool(POOL_ALIAS).getConnection();
  try {
    const result = await conn.execute<Customer>(
      `SELECT c.email, c.first_name, c.locale
         FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.id = :orderId`,
      { orderId },
    );
    return result.rows?.[0];
  } finally {
    await conn.close();
  }
}
