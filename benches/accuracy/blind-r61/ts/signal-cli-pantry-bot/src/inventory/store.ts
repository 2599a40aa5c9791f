import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.PANTRY_DATABASE_URL,
  max: 6,
  application_name: 'pantry-inventory',
});

export async function adjustQuantity(
  householdId: string,
  item: string,
  delta: number,
  by: string,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ quantity: number }>(
      `INSERT INTO pantry_items (household_id, name, quantity, par_level)
       VALUES ($1, lower($2), GREATEST($3, 0), 1)
       ON CONFLICT (household_id, name)
       DO UPDATE SET quantity = GREATEST(pantry_items.quantity + $3, 0)
       RETURNING quantity`,
      [householdId, item, delta],
    );
    await client.query(
      'INSERT INTO pantry_log (household_id, name, delta, changed_by) VALUES ($1, lower($2), $3, $4)',
      [householdId, item, delta, by],
    );
    await client.query('COMMIT');
    return rows[0].quantity;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
