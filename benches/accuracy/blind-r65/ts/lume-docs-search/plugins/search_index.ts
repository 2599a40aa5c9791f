import type Site from "lume/core/site.ts";
import pg from "pg";
import Redis from "ioredis";

export interface Options {
  databaseUrl: string;
  redisUrl: string;
}

const UPSERT = `
  INSERT INTO doc_pages (url, title, section, body, updated_at)
  VALUES ($1, $2, $3, $4, now())
  ON CONFLICT (url) DO UPDATE
    SET title = EXCLUDED.title, section = EXCLUDED.section,
        body = EXCLUDED.body, updated_at = now()`;

function plainText(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export default function searchIndex(options: Options) {
  return (site: Site) => {
    // Runs after every build, including each rebuild of `lume -s`.
    site.process([".html"], async (pages) => {
      for (const page of pages) {
        if (page.data.draft || page.data.url === "/404.html") continue;

        const client = new pg.Client({ connectionString: options.databaseUrl });
        await client.connect();
        try {
          await client.query(UPSERT, [
            page.data.url,
            page.data.title ?? "",
            page.data.section ?? "guides",
            plainText(String(page.content ?? "")),
          ]);
        } finally {
          await client.end();
        }
      }
    });

    // Tell the preview app which source files changed so it can refresh.
    site.addEventListener("afterUpdate", async (event) => {
      const bus = new Redis(options.redisUrl);
      await bus.publish("docs:changed", JSON.stringify([...event.files]));
    });
  };
}
