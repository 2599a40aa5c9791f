import http from "node:http";
import path from "node:path";
import nunjucks from "nunjucks";
import { Pool } from "pg";
import { registerFilters } from "./filters";

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  price_cents: number;
  currency: string;
}

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 12,
  application_name: "catalog-render",
});

const env = new nunjucks.Environment(
  new nunjucks.FileSystemLoader(path.join(__dirname, "..", "templates"), { noCache: false }),
  { autoescape: true },
);
registerFilters(env, pool);

function render(name: string, ctx: object): Promise<string> {
  return new Promise((resolve, reject) => {
    env.render(name, ctx, (err, html) => (err ? reject(err) : resolve(html ?? "")));
  });
}

const server = http.createServer(async (req, res) => {
  const match = /^\/p\/([a-z0-9-]+)$/.exec(req.url ?? "");
  if (req.method !== "GET" || !match) {
    res.writeHead(404).end("not found");
    return;
  }
  try {
    const { rows } = await pool.query<ProductRow>(
      `SELECT id, sku, name, price_cents, currency FROM products WHERE slug = $1`,
      [match[1]],
    );
    if (rows.length === 0) {
      res.writeHead(404).end("no such product");
      return;
    }
    const html = await render("product.njk", { product: rows[0] });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  } catch (err) {
    console.error("[render]", err);
    res.writeHead(500).end("render failed");
  }
});

server.listen(Number(process.env.PORT ?? 8080));

process.on("SIGTERM", () => {
  server.close(() => void pool.end());
});
