import http from "node:http";
import { createPool } from "./pool.js";

// Separate process (see Procfile): read-only status API for the relay.
const pool = createPool("outbox-relay-api", 2);

const server = http.createServer(async (req, res) => {
  try {
    if (req.url === "/lag") {
      const { rows } = await pool.query(
        `select count(*)::int as pending, min(o.created_at) as oldest
           from outbox o left join relayed r on r.outbox_id = o.id
          where r.outbox_id is null`
      );
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows[0]));
      return;
    }
    if (req.url === "/healthz") {
      await pool.query("select 1");
      res.writeHead(200).end("ok");
      return;
    }
    res.writeHead(404).end();
  } catch (err) {
    console.error(err);
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 8091));
process.once("SIGTERM", () => server.close(() => void pool.end()));
