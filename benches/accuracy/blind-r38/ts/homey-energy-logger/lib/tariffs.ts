import { Pool } from 'pg';

export interface TariffDb {
  currentPrice(zone: string): Promise<number>;
}

// Tariff tables live in the utility's reporting database, not the house DB.
export function openTariffDb(connectionString: string): TariffDb {
  const pool = new Pool({ connectionString, max: 2 });

  return {
    async currentPrice(zone: string): Promise<number> {
      const { rows } = await pool.query(
        `SELECT price_per_kwh
           FROM tariffs
          WHERE zone = $1 AND now() BETWEEN valid_from AND valid_to
          ORDER BY valid_from DESC
          LIMIT 1`,
        [zone],
      );
      return rows.length ? Number(rows[0].price_per_kwh) : 0;
    },
  };
}
