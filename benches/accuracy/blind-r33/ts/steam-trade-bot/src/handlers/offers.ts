import pg from "pg";
import Redis from "ioredis";
import { valueOf } from "../lib/pricing.js";

// partner cooldowns live in their own redis connection
const cooldowns = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

interface PartnerPolicy {
  trusted: boolean;
  min_margin: number;
}

async function loadPolicy(partnerId: string): Promise<PartnerPolicy> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const { rows } = await pool.query<PartnerPolicy>(
    "select trusted, min_margin from partner_policy where steam_id = $1",
    [partnerId],
  );
  return rows[0] ?? { trusted: false, min_margin: 0.05 };
}

export async function onNewOffer(offer: any): Promise<void> {
  const partnerId: string = offer.partner.getSteamID64();

  if (await cooldowns.exists(`cooldown:${partnerId}`)) {
    offer.decline();
    return;
  }

  const policy = await loadPolicy(partnerId);
  const giving = await valueOf(offer.itemsToGive);
  const receiving = await valueOf(offer.itemsToReceive);

  if (policy.trusted || receiving >= giving * (1 + policy.min_margin)) {
    offer.accept((err: Error | null, status: string) => {
      if (err) console.error("accept failed", offer.id, err);
      else console.log("accepted", offer.id, status);
    });
  } else {
    offer.decline();
    await cooldowns.set(`cooldown:${partnerId}`, "1", "EX", 300);
  }
}

export async function onSentOfferChanged(offer: any, oldState: number): Promise<void> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      "insert into offer_log (offer_id, old_state, new_state, changed_at) values ($1, $2, $3, now())",
      [offer.id, oldState, offer.state],
    );
  } finally {
    await db.end();
  }
}
