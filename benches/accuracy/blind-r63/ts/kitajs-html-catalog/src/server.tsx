import http from "node:http";
import { CategoryPage } from "./components/CategoryPage.js";
import { SearchPage } from "./components/SearchPage.js";
import { pool } from "./db.js";

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  try {
    let html: string | undefined;
    const category = url.pathname.match(/^\/c\/([a-z0-9-]+)$/);
    if (category) {
      html = await <CategoryPage slug={category[1]} />;
    } else if (url.pathname === "/search") {
      html = await <SearchPage q={url.searchParams.get("q") ?? ""} />;
    }
    if (html === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  } catch (err) {
    console.error(err);
    res.writeHead(500, { "content-type": "text/plain" }).end("error");
  }
});

server.listen(Number(process.env.PORT ?? 3000));

process.once("SIGTERM", () => {
  server.close(() => void pool.end());
});
