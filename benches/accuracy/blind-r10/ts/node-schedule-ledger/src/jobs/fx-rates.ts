import type { Db } from 'mongodb';
import type { Pool } from 'undici';

export function fxRatesJob(db: Db, fx: Pool) {
  return async () => {
    const { statusCode, body } = await fx.request({
      path: `/latest?base=USD&access_key=${process.env.FX_API_KEY}`,
      method: 'GET',
      headersTimeout: 10_000,
    });
    if (statusCode !== 200) {
      await body.dump();
      console.error(`fx rates: upstream ${statusCode}`);
      return;
    }
    const { rates } = (await body.json()) as { rates: Record<string, number> };
    await db.collection('fx_rates').insertOne({ base: 'USD', rates, fetchedAt: new Date() });
  };
}
