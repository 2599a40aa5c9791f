import { consola } from 'consola';
import pg from 'pg';
import pgvector from 'pgvector/pg';

// Opens the single connection a CLI invocation uses. The database container is often still
// starting when the operator runs the command right after `docker compose up`, so retry a few times.
export async function openDb(retries = 10): Promise<pg.Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: process.env.RAG_DATABASE_URL ?? 'postgres://rag:rag@localhost:5433/rag' });
    try {
      await client.connect();
      await pgvector.registerTypes(client);
      return client;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (attempt >= retries) throw err;
      consola.warn(`database not reachable yet (${attempt}/${retries})`);
      await new Promise((r) => setTimeout(r, 1_500));
    }
  }
}
