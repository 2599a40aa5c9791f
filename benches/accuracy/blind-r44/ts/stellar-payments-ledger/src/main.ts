import { Horizon } from "@stellar/stellar-sdk";
import { Redis } from "ioredis";
import { handlePayment, type PaymentLike } from "./handler.js";

const HORIZON_URL = process.env.HORIZON_URL ?? "https://horizon.stellar.org";
const ACCOUNT = process.env.CUSTODY_ACCOUNT ?? "";
const CURSOR_KEY = `stellar:cursor:${ACCOUNT}`;

const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
const horizon = new Horizon.Server(HORIZON_URL);

async function main(): Promise<void> {
  if (!ACCOUNT) throw new Error("CUSTODY_ACCOUNT is required");
  const cursor = (await redis.get(CURSOR_KEY)) ?? "now";
  console.log(`streaming payments for ${ACCOUNT} from cursor ${cursor}`);

  let chain = Promise.resolve();

  const stop = horizon
    .payments()
    .forAccount(ACCOUNT)
    .cursor(cursor)
    .stream({
      onmessage: (record) => {
        const payment = record as unknown as PaymentLike;
        chain = chain
          .then(() => handlePayment(payment, ACCOUNT))
          .then(() => redis.set(CURSOR_KEY, payment.paging_token).then(() => undefined))
          .catch((err) => console.error(`payment ${payment.id} failed`, err));
      },
      onerror: (err) => {
        console.error("horizon stream error", err);
      },
    });

  const shutdown = async () => {
    stop();
    await chain;
    await redis.quit();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
