import type { Task } from "@a2a-js/sdk";
import type { TaskStore } from "@a2a-js/sdk/server";
import type pg from "pg";

/** Persists A2A tasks so a restarted agent can resume long-running ones. */
export class PgTaskStore implements TaskStore {
  constructor(private readonly pool: pg.Pool) {}

  async load(taskId: string): Promise<Task | undefined> {
    const client = await this.pool.connect();
    const { rows } = await client.query<{ body: Task }>(
      "SELECT body FROM a2a_tasks WHERE id = $1",
      [taskId],
    );
    if (rows.length === 0) {
      return undefined;
    }
    client.release();
    return rows[0]!.body;
  }

  async save(task: Task): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query(
        `INSERT INTO a2a_tasks (id, context_id, state, body, updated_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (id) DO UPDATE
           SET state = EXCLUDED.state, body = EXCLUDED.body, updated_at = now()`,
        [task.id, task.contextId, task.status.state, JSON.stringify(task)],
      );
    } finally {
      client.release();
    }
  }
}
