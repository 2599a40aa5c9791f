import type { Db } from 'mongodb';

export interface Receipt {
  chatId: number;
  userId: number;
  s3Key: string;
  amount?: number;
  currency?: string;
  createdAt: Date;
}

export function makeReceiptStore(db: Db) {
  const receipts = db.collection<Receipt>('receipts');

  return {
    async add(r: Receipt) {
      await receipts.insertOne(r);
    },
    async setAmount(chatId: number, s3Key: string, amount: number, currency: string) {
      await receipts.updateOne({ chatId, s3Key }, { $set: { amount, currency } });
    },
    async monthTotal(chatId: number) {
      const since = new Date();
      since.setDate(1);
      since.setHours(0, 0, 0, 0);
      return receipts
        .aggregate<{ _id: string; total: number }>([
          { $match: { chatId, createdAt: { $gte: since }, amount: { $exists: true } } },
          { $group: { _id: '$currency', total: { $sum: '$amount' } } },
        ])
        .toArray();
    },
    async latest(chatId: number) {
      return receipts.find({ chatId }).sort({ createdAt: -1 }).limit(1).next();
    },
  };
}
