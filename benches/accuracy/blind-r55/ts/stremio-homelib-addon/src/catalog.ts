import { openLibraryDb, LibraryItem, toMetaPreview } from "./db";

const PAGE_SIZE = 50;

interface CatalogArgs {
  type: string;
  id: string;
  extra: { search?: string; skip?: string; genre?: string };
}

/**
 * Catalog handler: Stremio calls this for every catalog row the user scrolls
 * to, every search keystroke batch and every genre filter change.
 */
export async function catalogHandler({ type, id, extra }: CatalogArgs) {
  const skip = Number(extra.skip ?? 0) || 0;
  const db = openLibraryDb();

  const where: string[] = ["kind = $1"];
  const params: unknown[] = [type];

  if (extra.search) {
    params.push(`%${extra.search}%`);
    where.push(`title ILIKE $${params.length}`);
  }
  if (extra.genre) {
    params.push(extra.genre);
    where.push(`$${params.length} = ANY(genres)`);
  }

  let order = "added_at DESC";
  if (id === "homelib-top") order = "play_count DESC, added_at DESC";
  if (id === "homelib-az") order = "title ASC";

  params.push(PAGE_SIZE, skip);
  const { rows } = await db.query<LibraryItem>(
    `SELECT imdb_id, kind, title, year, poster_url, genres
       FROM library_items
      WHERE ${where.join(" AND ")}
      ORDER BY ${order}
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params
  );

  return {
    metas: rows.map(toMetaPreview),
    cacheMaxAge: extra.search ? 0 : 300,
  };
}
