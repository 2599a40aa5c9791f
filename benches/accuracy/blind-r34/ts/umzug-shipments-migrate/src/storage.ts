import type { Sql } from 'postgres';
import type { UmzugStorage } from 'umzug';

export class PostgresJsStorage implements UmzugStorage {
  constructor(private readonly sql: Sql) {}

  private async ensureTable() {
    await this.sql`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY,
        run_at timestamptz NOT NULL DEFAULT now()
      )`;
  }

  async logMigration({ name }: { name: string }) {
    await this.ensureTable();
    await this.sql`INSERT INTO schema_migrations (name) VALUES (${name})`;
  }

  async unlogMigration({ name }: { name: string }) {
    await this.ensureTable();
    await this.sql`DELETE FROM schema_migrations WHERE name = ${name}`;
  }

  async executed(): Promise<string[]> {
    await this.ensureTable();
    const rows = await this.sql<{ name: string }[]>`SELECT name FROM schema_migrations ORDER BY name`;
    return rows.map((r) => r.name);
  }
}
