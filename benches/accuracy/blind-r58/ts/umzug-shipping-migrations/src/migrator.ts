import path from 'node:path';
import type { Pool } from 'pg';
import { Umzug, type MigrationParams, type UmzugStorage } from 'umzug';

/**
 * Stores applied migrations in `schema_migrations`, using the same pool the
 * migrations run on (passed to Umzug as the migration context).
 */
class PgStorage implements UmzugStorage<Pool> {
  private ensured = false;

  constructor(private readonly pool: Pool) {}

  private async ensureTable(): Promise<void> {
    if (this.ensured) return;
    await this.pool.query(
      `create table if not exists schema_migrations (
         name text primary key,
         applied_at timestamptz not null default now()
       )`,
    );
    this.ensured = true;
  }

  async logMigration({ name }: MigrationParams<Pool>): Promise<void> {
    await this.ensureTable();
    await this.pool.query('insert into schema_migrations (name) values ($1)', [name]);
  }

  async unlogMigration({ name }: MigrationParams<Pool>): Promise<void> {
    await this.ensureTable();
    await this.pool.query('delete from schema_migrations where name = $1', [name]);
  }

  async executed(): Promise<string[]> {
    await this.ensureTable();
    const { rows } = await this.pool.query<{ name: string }>('select name from schema_migrations order by name');
    return rows.map((r) => r.name);
  }
}

export function createMigrator(pool: Pool) {
  return new Umzug<Pool>({
    migrations: {
      glob: ['migrations/*.ts', { cwd: path.resolve(__dirname, '..') }],
    },
    context: pool,
    storage: new PgStorage(pool),
    logger: console,
    create: {
      folder: path.resolve(__dirname, '..', 'migrations'),
    },
  });
}

export type Migration = ReturnType<typeof createMigrator>['_types']['migration'];
