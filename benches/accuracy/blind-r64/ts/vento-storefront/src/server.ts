import { createServer } from "node:http";
import path from "node:path";
import vento from "ventojs";
import { pool } from "./db.js";
import { registerFilters } from "./filters.js";

const env = vento({
  includes: path.join(process.cwd(), "views"),
  autoescape: true,
});
registerFilters(env);

async function loadProduct(slug: string) {
  const { rows } = await pool.query(
    `SELECT p.id, p.slug, p.name, p.description, p.image_url,
            json_agg(json_build_object('sku', v.sku, 'label', v.label) ORDER BY v.position) AS variants
       FROM products p JOIN variants v ON v.product_id = p.id
      WHERE p.slug = $1 GROUP BY p.id`,
    [slug],
  );
  return rows[0];
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = url.pathname.match(/^\/p\/([a-z0-9-]+)$/);
  if (!match) {
    res.writeHead(404).end("Not found");
    return;
  }
  try {
    const product = await loadProduct(match[1]);
    if (!product) {
      res.writeHead(404).end("No such product");
      return;
    }
    // Every render runs the template's filters once per variant.
    const result = await env.run("product.vto", { product });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(result.content);
  } catch (err) {
    console.error(err);
    res.writeHead(500).end("Internal error");
  }
});

server.listen(Number(process.env.PORT ?? 8080));
