import { Spanner } from "@google-cloud/spanner";
import { sql } from "../lib/sql.js";

interface Conversion {
  paymentId: string;
  from: string;
  to: string;
  amountMinor: number;
  at: string;
}

export async function recordConversion(evt: Conversion): Promise<void> {
  const spanner = new Spanner({ projectId: process.env.GCP_PROJECT });
  const rates = spanner.instance("fx-prod").database("rates");
  const [rows] = await rates.run({
    sql: "SELECT rate FROM Rates WHERE pair = @pair AND valid_from <= @at ORDER BY valid_from DESC LIMIT 1",
    params: { pair: `${evt.from}${evt.to}`, at: evt.at },
  });
  if (rows.length === 0) throw new Error(`no rate for ${evt.from}/${evt.to} at ${evt.at}`);
  const rate = Number((rows[0].toJSON() as { rate: number }).rate);

  await sql`
    INSERT INTO fx_conversions (payment_id, pair, rate, converted_minor)
    VALUES (${evt.paymentId}, ${evt.from + evt.to}, ${rate}, ${Math.round(evt.amountMinor * rate)})
    ON CONFLICT (payment_id) DO NOTHING
  `;
}
