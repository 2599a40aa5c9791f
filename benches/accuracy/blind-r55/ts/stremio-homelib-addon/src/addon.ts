import { addonBuilder, serveHTTP, Manifest } from "stremio-addon-sdk";
import Redis from "ioredis";
import { pool, LibraryFile } from "./db";
import { catalogHandler } from "./catalog";
import { metaHandler } from "./meta";

const NAS_STREAM_BASE = process.env.NAS_STREAM_BASE ?? "http://nas.local:8096/stream";
const PORT = Number(process.env.PORT ?? 7000);

// One Redis connection for the whole addon process.
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/3", {
  keyPrefix: "homelib:",
  maxRetriesPerRequest: 2,
});

const manifest: Manifest = {
  id: "local.homelib",
  version: "0.4.2",
  name: "HomeLib",
  description: "Movies and series from the family NAS",
  resources: ["catalog", "meta", "stream"],
  types: ["movie", "series"],
  idPrefixes: ["tt"],
  catalogs: [
    { type: "movie", id: "homelib-new", name: "HomeLib: New", extra: [{ name: "search" }, { name: "skip" }, { name: "genre" }] },
    { type: "movie", id: "homelib-top", name: "HomeLib: Most played", extra: [{ name: "skip" }] },
    { type: "series", id: "homelib-az", name: "HomeLib: Series A-Z", extra: [{ name: "search" }, { name: "skip" }] },
  ],
};

const builder = new addonBuilder(manifest);

builder.defineCatalogHandler((args) => catalogHandler(args as any));
builder.defineMetaHandler((args) => metaHandler(args) as any);

// Stream handler: one call per "play" click / episode selection.
builder.defineStreamHandler(async ({ type, id }) => {
  const cacheKey = `streams:${id}`;
  const cached = await redis.get(cacheKey);
  if (cached) return { streams: JSON.parse(cached) };

  // Series ids look like tt1234567:2:5 (show:season:episode)
  const [imdbId, season, episode] = id.split(":");
  const { rows } = await pool.query<LibraryFile>(
    `SELECT imdb_id, season, episode, relative_path, resolution, size_bytes
       FROM library_files
      WHERE imdb_id = $1
        AND ($2::int IS NULL OR season = $2::int)
        AND ($3::int IS NULL OR episode = $3::int)
      ORDER BY resolution DESC`,
    [imdbId, type === "series" ? Number(season) : null, type === "series" ? Number(episode) : null]
  );

  const streams = rows.map((f) => ({
    url: `${NAS_STREAM_BASE}/${encodeURI(f.relative_path)}`,
    title: `${f.resolution} · ${(Number(f.size_bytes) / 1e9).toFixed(1)} GB`,
    behaviorHints: { notWebReady: !f.relative_path.endsWith(".mp4") },
  }));

  await redis.set(cacheKey, JSON.stringify(streams), "EX", 600);
  await pool.query("UPDATE library_items SET play_count = play_count + 1 WHERE imdb_id = $1", [imdbId]);
  return { streams };
});

serveHTTP(builder.getInterface(), { port: PORT });

process.on("SIGTERM", async () => {
  await redis.quit();
  await pool.end();
  process.exit(0);
});
