import { Injectable, OnApplicationShutdown } from "@nestjs/common";
import { UserInputError } from "@vendure/core";
import { Pool as PgPool } from "pg";
import { Pool as HttpPool } from "undici";

export interface PartnerBalance {
  partner: string;
  points: number;
}

// Points ledger is shared with the in-store POS, so it lives in its own database.
@Injectable()
export class LoyaltyService implements OnApplicationShutdown {
  private readonly ledger = new PgPool({
    connectionString: process.env.LOYALTY_LEDGER_URL,
    max: 8,
  });

  async balance(customerId: string): Promise<number> {
    const { rows } = await this.ledger.query<{ points: string }>(
      "SELECT COALESCE(SUM(delta), 0) AS points FROM points_ledger WHERE customer_id = $1",
      [customerId],
    );
    return Number(rows[0].points);
  }

  async award(customerId: string, orderCode: string, points: number): Promise<void> {
    await this.ledger.query(
      `INSERT INTO points_ledger (customer_id, order_code, delta, reason)
       VALUES ($1, $2, $3, 'order') ON CONFLICT (order_code, reason) DO NOTHING`,
      [customerId, orderCode, points],
    );
  }

  async redeem(customerId: string, points: number, orderCode: string): Promise<number> {
    const client = await this.ledger.connect();
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [customerId]);
    const { rows } = await client.query<{ points: string }>(
      "SELECT COALESCE(SUM(delta), 0) AS points FROM points_ledger WHERE customer_id = $1",
      [customerId],
    );
    const available = Number(rows[0].points);
    if (available < points) {
      throw new UserInputError(`Only ${available} points available`);
    }
    await client.query(
      "INSERT INTO points_ledger (customer_id, order_code, delta, reason) VALUES ($1, $2, $3, 'redeem')",
      [customerId, orderCode, -points],
    );
    await client.query("COMMIT");
    client.release();
    return available - points;
  }

  // Airline / hotel partner programmes: points earned there show up in the account page.
  async partnerBalances(email: string): Promise<PartnerBalance[]> {
    const partnerApi = new HttpPool(process.env.PARTNER_GATEWAY_URL ?? "https://partners.trailmix.example", {
      connections: 4,
      keepAliveTimeout: 10_000,
    });
    const { statusCode, body } = await partnerApi.request({
      method: "GET",
      path: `/v2/members/${encodeURIComponent(email)}/balances`,
      headers: { authorization: `Bearer ${process.env.PARTNER_GATEWAY_TOKEN}` },
    });
    if (statusCode !== 200) {
      await body.dump();
      return [];
    }
    return (await body.json()) as PartnerBalance[];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ledger.end();
  }
}
