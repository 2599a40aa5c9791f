import { Pool } from "pg";

const connectionString =
  process.env.LIBRARY_DATABASE_URL ?? "postgres://homelib@nas.local:5432/homelib";

/**
 * Pool shared by the long-running addon server (stream handler, health check).
 */
export const pool = new Pool({
  connectionString,
  max: 8,
  idleTimeoutMillis: 30_000,
});

/**
 * Opens a dedicated pool for batch jobs such as scripts/reindex.ts.
 * The caller owns it and must call end() when done.
 */
export function openLibraryDb(): Pool {
  return new Pool({ connectionString, max: 2, application_name: "homelib-batch" });
}

export interface LibraryItem {
  imdb_id: string;
  kind: "movie" | "series";
  title: string;
  year: number | null;
  poster_url: string | null;
  genres: string[];
}

export interface LibraryFile {
  imdb_id: string;
  season: number | null;
  episode: number | null;
  relative_path: string;
  resolution: string;
  size_bytes: string;
}

export function toMetaPreview(item: LibraryItem) {
  return {
    id: item.imdb_id,
    type: item.kind,
    name: item.title,
    poster: item.poster_url ?? undefined,
    genres: item.genres,
    releaseInfo: item.year ? String(item.year) : undefined,
  };
}
