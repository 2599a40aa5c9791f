import pg from 'pg';

export const db = new pg.Pool({
  connectionString: process.env.PANTRY_DATABASE_URL,
  max: 4,
});

export async function shoppingList(householdId: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string; missing: number }>(
    `SELECT name, par_level - quantity AS missing
       FROM pantry_items
      WHERE household_id = $1 AND quantity < par_level
      ORDER BY name`,
    [householdId],
  );
  return rows.map((r) => `${r.name} (${r.missing})`);
}
