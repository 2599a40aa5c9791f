import postgres from 'postgres';
import { env } from '$env/dynamic/private';

// Raw SQL for full-text search; drizzle's query builder does not cover ts_rank nicely.
const sql = postgres(env.DATABASE_URL, { max: 5 });

export interface SearchHit {
  id: number;
  title: string;
  rank: number;
}

export async function searchNotes(ownerId: number, q: string, limit = 20): Promise<SearchHit[]> {
  const rows = await sql<SearchHit[]>`
    select id, title,
           ts_rank(to_tsvector('english', title || ' ' || body), plainto_tsquery('english', ${q})) as rank
    from notes
    where owner_id = ${ownerId}
      and to_tsvector('english', title || ' ' || body) @@ plainto_tsquery('english', ${q})
    order by rank desc
    limit ${limit}
  `;
  return rows;
}
