import { MongoClient } from 'mongodb';

export interface GiftEvent {
  uniqueId: string;
  nickname: string;
  giftId: number;
  giftName: string;
  giftType: number;
  repeatCount: number;
  repeatEnd: boolean;
  diamondCount: number;
  giftPictureUrl?: string;
  msgId?: string;
}

/** Streak gifts (giftType 1) fire once per combo tick; only the final event counts. */
export function isFinal(gift: GiftEvent): boolean {
  return gift.giftType !== 1 || gift.repeatEnd;
}

export function diamondsOf(gift: GiftEvent): number {
  return gift.diamondCount * gift.repeatCount;
}

/** Permanent archive for the monthly creator-payout reconciliation. */
export async function archiveGift(showId: string, gift: GiftEvent): Promise<void> {
  const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
    appName: 'tiktok-live-gifts',
  });
  await mongo.connect();
  await mongo
    .db('live')
    .collection('gifts')
    .insertOne({
      showId,
      msgId: gift.msgId,
      user: gift.uniqueId,
      nickname: gift.nickname,
      giftId: gift.giftId,
      giftName: gift.giftName,
      repeat: gift.repeatCount,
      diamonds: diamondsOf(gift),
      receivedAt: new Date(),
    });
}
