import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { createClient } from "redis";
import { latestPayout, merchantByInbox } from "./db.js";

const RATE_LIMIT_PER_HOUR = 30;

export async function answer(senderInboxId: string, text: string): Promise<string> {
  const limiter = createClient({ url: process.env.REDIS_URL });
  await limiter.connect();
  const key = `xmtp:rl:${senderInboxId}:${new Date().toISOString().slice(0, 13)}`;
  const count = await limiter.incr(key);
  if (count === 1) await limiter.expire(key, 3600);
  if (count > RATE_LIMIT_PER_HOUR) {
    return "You're sending messages too quickly, please try again later.";
  }

  const merchant = await merchantByInbox(senderInboxId);
  if (!merchant) {
    return "This inbox is not linked to a merchant account. Link it from the dashboard first.";
  }

  const command = text.trim().toLowerCase();
  if (command === "payout" || command === "receipt") {
    const payout = await latestPayout(merchant.id);
    if (!payout) return "No payouts yet.";
    const amount = (payout.amount_cents / 100).toFixed(2);
    if (command === "payout") {
      return `Last payout to ${merchant.name}: ${amount} USDC on ${payout.paid_at.toDateString()}.`;
    }
    const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: process.env.RECEIPTS_BUCKET, Key: payout.receipt_key }),
      { expiresIn: 900 },
    );
    return `Receipt for your ${amount} USDC payout (link valid 15 min): ${url}`;
  }
  return "Send `payout` for your latest payout or `receipt` for a download link.";
}
