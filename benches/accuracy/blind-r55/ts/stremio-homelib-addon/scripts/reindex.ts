import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { openLibraryDb } from "../src/db";

const MEDIA_ROOT = process.env.MEDIA_ROOT ?? "/volume1/media";
const IMDB_IN_NAME = /\[(tt\d{7,9})\]/;
const EPISODE = /S(\d{2})E(\d{2})/i;
const RESOLUTION = /(2160p|1080p|720p|480p)/i;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(mkv|mp4|avi)$/i.test(entry.name)) yield full;
  }
}

// Run from cron once a night: `npm run reindex`.
async function main() {
  const db = openLibraryDb();
  let indexed = 0;
  try {
    for await (const file of walk(MEDIA_ROOT)) {
      const imdb = IMDB_IN_NAME.exec(file)?.[1];
      if (!imdb) continue;
      const ep = EPISODE.exec(path.basename(file));
      const res = RESOLUTION.exec(file)?.[1]?.toLowerCase() ?? "sd";
      const { size } = await stat(file);
      await db.query(
        `INSERT INTO library_files (imdb_id, season, episode, relative_path, resolution, size_bytes)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (relative_path) DO UPDATE SET size_bytes = EXCLUDED.size_bytes`,
        [imdb, ep ? Number(ep[1]) : null, ep ? Number(ep[2]) : null, path.relative(MEDIA_ROOT, file), res, size]
      );
      indexed++;
    }
    console.log(`indexed ${indexed} files`);
  } finally {
    await db.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
