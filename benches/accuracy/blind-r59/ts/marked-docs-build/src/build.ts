import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { watch } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { Agent } from "undici";
import { createMarkdown, LinkReport } from "./markdown.js";
import { changelogMarkdown } from "./changelog.js";

const SRC = path.resolve("docs");
const OUT = path.resolve("site");

function wrap(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>` +
    `<link rel="stylesheet" href="/style.css"></head><body><main>${body}</main></body></html>`;
}

async function main(): Promise<void> {
  const watchMode = process.argv.includes("--watch");
  const agent = new Agent({ connections: 8, keepAliveTimeout: 10_000 });
  const db = new Client({ connectionString: process.env.RELEASES_DATABASE_URL });
  await db.connect();

  const broken: LinkReport[] = [];
  const md = createMarkdown(agent, broken);

  async function buildPage(file: string): Promise<void> {
    const source = await readFile(path.join(SRC, file), "utf8");
    const html = await md.render(file, source);
    const target = path.join(OUT, file.replace(/\.md$/, ".html"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, wrap(path.basename(file, ".md"), html));
  }

  try {
    await mkdir(OUT, { recursive: true });
    const files = (await readdir(SRC, { recursive: true })).filter((f) => f.endsWith(".md"));
    for (const file of files) await buildPage(file);
    const changelog = await md.render("changelog.md", await changelogMarkdown(db));
    await writeFile(path.join(OUT, "changelog.html"), wrap("Changelog", changelog));
    console.log(`built ${files.length + 1} pages, ${broken.length} broken link(s)`);
    for (const b of broken) console.warn(`  ${b.page}: ${b.href} -> ${b.status}`);

    if (watchMode) {
      console.log("watching docs/ for changes (Ctrl+C to stop)");
      watch(SRC, { recursive: true }, (_event, file) => {
        if (!file || !file.endsWith(".md")) return;
        buildPage(file)
          .then(() => console.log(`rebuilt ${file}`))
          .catch((err) => console.error(`failed to rebuild ${file}`, err));
      });
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
    }
  } finally {
    await db.end();
    await agent.close();
  }
  if (!watchMode && broken.length > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
