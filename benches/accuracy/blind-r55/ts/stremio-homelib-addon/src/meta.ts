import { Pool } from "undici";

const TMDB_ORIGIN = "https://api.themoviedb.org";
const TMDB_TOKEN = process.env.TMDB_READ_TOKEN ?? "";

interface TmdbFindResult {
  movie_results: Array<{ id: number; overview: string; backdrop_path: string | null; vote_average: number }>;
  tv_results: Array<{ id: number; overview: string; backdrop_path: string | null; vote_average: number }>;
}

/**
 * Meta handler: runs every time a user opens a title's detail page.
 */
export async function metaHandler({ type, id }: { type: string; id: string }) {
  const tmdb = new Pool(TMDB_ORIGIN, { connections: 4, keepAliveTimeout: 10_000 });
  try {
    const res = await tmdb.request({
      method: "GET",
      path: `/3/find/${encodeURIComponent(id)}?external_source=imdb_id`,
      headers: { authorization: `Bearer ${TMDB_TOKEN}`, accept: "application/json" },
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      return { meta: { id, type, name: id } };
    }
    const found = (await res.body.json()) as TmdbFindResult;
    const hit = type === "series" ? found.tv_results[0] : found.movie_results[0];
    return {
      meta: {
        id,
        type,
        name: id,
        description: hit?.overview,
        background: hit?.backdrop_path ? `https://image.tmdb.org/t/p/original${hit.backdrop_path}` : undefined,
        imdbRating: hit ? hit.vote_average.toFixed(1) : undefined,
      },
      cacheMaxAge: 3600,
    };
  } finally {
    await tmdb.close();
  }
}
