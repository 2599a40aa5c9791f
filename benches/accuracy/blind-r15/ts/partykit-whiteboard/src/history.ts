import { neon } from "@neondatabase/serverless";

export type Stroke = {
  id: string;
  author: string;
  points: [number, number][];
  color: string;
};

// Neon's HTTP driver: every query is a single fetch() to the Neon SQL endpoint,
// there is no socket or pool to keep around.
function sqlFor(databaseUrl: string) {
  return neon(databaseUrl);
}

export async function saveStroke(databaseUrl: string, board: string, s: Stroke) {
  const sql = sqlFor(databaseUrl);
  await sql`
    insert into strokes (id, board, author, color, points)
    values (${s.id}, ${board}, ${s.author}, ${s.color}, ${JSON.stringify(s.points)}::jsonb)
    on conflict (id) do nothing
  `;
}

export async function loadBoard(databaseUrl: string, board: string): Promise<Stroke[]> {
  const sql = sqlFor(databaseUrl);
  const rows = await sql`
    select id, author, color, points from strokes where board = ${board} order by created_at limit 5000
  `;
  return rows as Stroke[];
}
