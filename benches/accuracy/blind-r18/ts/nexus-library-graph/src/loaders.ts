import DataLoader from 'dataloader';
import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';

export const Author = z.object({ id: z.number(), name: z.string(), born: z.number().nullable() });
export const Book = z.object({
  id: z.number(),
  title: z.string(),
  author_id: z.number(),
  published: z.number().nullable(),
  copies_available: z.number(),
});
export type Author = z.infer<typeof Author>;
export type Book = z.infer<typeof Book>;

/**
 * Built per request so batching/caching never leaks between users.
 * They only hold a reference to the shared pool.
 */
export function createLoaders(pool: DatabasePool) {
  return {
    author: new DataLoader<number, Author | null>(async (ids) => {
      const rows = await pool.any(sql.type(Author)`
        SELECT id, name, born FROM authors WHERE id = ANY(${sql.array(ids as number[], 'int4')})
      `);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    booksByAuthor: new DataLoader<number, readonly Book[]>(async (authorIds) => {
      const rows = await pool.any(sql.type(Book)`
        SELECT id, title, author_id, published, copies_available
          FROM books WHERE author_id = ANY(${sql.array(authorIds as number[], 'int4')})
         ORDER BY published NULLS LAST
      `);
      return authorIds.map((id) => rows.filter((r) => r.author_id === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
