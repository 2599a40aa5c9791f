import type { Pool } from "postgres";

export interface Note {
  id: number;
  title: string;
  body: string;
  updated_at: Date;
}

export class NoteRepository {
  constructor(private readonly pool: Pool) {}

  async get(id: number): Promise<Note | undefined> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.queryObject<Note>`
        SELECT id, title, body, updated_at FROM notes WHERE id = ${id}`;
      return rows[0];
    } finally {
      client.release();
    }
  }

  async create(title: string, body: string): Promise<Note> {
    const client = await this.pool.connect();
    const tx = client.createTransaction("create_note");
    try {
      await tx.begin();
      const { rows } = await tx.queryObject<Note>`
        INSERT INTO notes (title, body) VALUES (${title}, ${body})
        RETURNING id, title, body, updated_at`;
      await tx.queryArray`INSERT INTO note_events (note_id, kind) VALUES (${rows[0].id}, 'created')`;
      await tx.commit();
      return rows[0];
    } finally {
      client.release();
    }
  }
}
