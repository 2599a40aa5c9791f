import mysql from 'mysql2/promise';
import { RpcTarget } from 'capnweb';
import { recordAdjustment } from './audit.js';

export interface BinLocation {
  sku: string;
  aisle: string;
  bay: number;
  level: number;
  onHand: number;
}

// Methods on this class are callable by scanners; one instance is handed to
// every HTTP batch and every WebSocket session.
export class WarehouseApi extends RpcTarget {
  private readonly db: mysql.Pool;

  constructor(private readonly site: string) {
    super();
    this.db = mysql.createPool({
      uri: process.env.WMS_DATABASE_URL,
      database: `wms_${site}`,
      connectionLimit: 5,
      namedPlaceholders: true,
    });
  }

  async locate(sku: string): Promise<BinLocation | null> {
    const [rows] = await this.db.execute<mysql.RowDataPacket[]>(
      'SELECT sku, aisle, bay, level, on_hand AS onHand FROM bins WHERE sku = :sku ORDER BY on_hand DESC LIMIT 1',
      { sku },
    );
    return (rows[0] as BinLocation | undefined) ?? null;
  }

  async pickList(orderId: string): Promise<BinLocation[]> {
    const [rows] = await this.db.execute<mysql.RowDataPacket[]>(
      `SELECT b.sku, b.aisle, b.bay, b.level, b.on_hand AS onHand
         FROM order_lines l JOIN bins b ON b.sku = l.sku
        WHERE l.order_id = :orderId
        ORDER BY b.aisle, b.bay, b.level`,
      { orderId },
    );
    return rows as BinLocation[];
  }

  async adjust(sku: string, delta: number, reason: string, scanId: string): Promise<number> {
    await this.db.execute('UPDATE bins SET on_hand = on_hand + :delta WHERE sku = :sku', { sku, delta });
    await recordAdjustment({ site: this.site, sku, delta, reason, scanId });
    const bin = await this.locate(sku);
    return bin?.onHand ?? 0;
  }
}
