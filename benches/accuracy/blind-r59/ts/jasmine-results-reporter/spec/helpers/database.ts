import { Pool } from "pg";

// Jasmine loads helpers once per run, so these hooks are global: one pool
// for the whole suite against the disposable test database.
let pool: Pool | undefined;

export function testDb(): Pool {
  if (!pool) throw new Error("test database not initialised");
  return pool;
}

beforeAll(async () => {
  pool = new Pool({
    connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@localhost:5433/orders_test",
    max: 4,
  });
  await pool.query(`CREATE TABLE IF NOT EXISTS orders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id text NOT NULL,
    lines jsonb NOT NULL,
    subtotal_cents int NOT NULL,
    discount_cents int NOT NULL,
    tax_cents int NOT NULL,
    total_cents int NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
  )`);
});

beforeEach(async () => {
  await testDb().query("TRUNCATE orders");
});

afterAll(async () => {
  await pool?.end();
  pool = undefined;
});
