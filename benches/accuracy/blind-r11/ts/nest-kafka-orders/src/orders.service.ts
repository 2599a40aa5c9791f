import { Inject, Injectable } from '@nestjs/common';
import { Db, MongoClient } from 'mongodb';
import { AUDIT_DB } from './tokens';

export interface OrderCreated {
  id: string;
  customerId: string;
  lines: { sku: string; qty: number; price: number }[];
  createdAt: string;
}

@Injectable()
export class OrdersService {
  constructor(@Inject(AUDIT_DB) private readonly audit: Db) {}

  async recordOrder(order: OrderCreated): Promise<void> {
    const client = new MongoClient(process.env.ORDERS_MONGO_URL ?? 'mongodb://localhost:27017');
    await client.connect();
    const total = order.lines.reduce((sum, l) => sum + l.qty * l.price, 0);
    await client
      .db('orders')
      .collection('orders')
      .updateOne(
        { _id: order.id as any },
        { $set: { customerId: order.customerId, lines: order.lines, total, createdAt: new Date(order.createdAt) } },
        { upsert: true },
      );
  }

  async recordCancellation(orderId: string, reason: string): Promise<void> {
    await this.audit.collection('cancellations').insertOne({ orderId, reason, at: new Date() });
  }
}
