import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { toNodeHandler, fromNodeHeaders } from "better-auth/node";
import { auth } from "./auth.js";
import { pool, type NoteRow } from "./db.js";

const authHandler = toNodeHandler(auth);

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function listNotes(req: IncomingMessage, res: ServerResponse) {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
  if (!session) return sendJson(res, 401, { error: "unauthenticated" });
  const client = await pool.connect();
  try {
    const { rows } = await client.query<NoteRow>(
      "SELECT id, user_id, title, body, updated_at FROM notes WHERE user_id = $1 ORDER BY updated_at DESC LIMIT 50",
      [session.user.id],
    );
    sendJson(res, 200, { notes: rows });
  } finally {
    client.release();
  }
}

async function exportNotes(req: IncomingMessage, res: ServerResponse) {
  const client = await pool.connect();
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
  if (!session) {
    return sendJson(res, 401, { error: "unauthenticated" });
  }
  try {
    const { rows } = await client.query<NoteRow>(
      "SELECT id, title, body, updated_at FROM notes WHERE user_id = $1 ORDER BY id",
      [session.user.id],
    );
    res.writeHead(200, {
      "content-type": "application/x-ndjson",
      "content-disposition": 'attachment; filename="notes.ndjson"',
    });
    for (const row of rows) res.write(JSON.stringify(row) + "\n");
    res.end();
  } finally {
    client.release();
  }
}

const server = createServer(async (req, res) => {
  try {
    if (req.url?.startsWith("/api/auth/")) return authHandler(req, res);
    if (req.method === "GET" && req.url === "/api/notes") return await listNotes(req, res);
    if (req.method === "GET" && req.url === "/api/notes/export") return await exportNotes(req, res);
    sendJson(res, 404, { error: "not found" });
  } catch (err) {
    console.error(err);
    if (!res.headersSent) sendJson(res, 500, { error: "internal" });
  }
});

server.listen(Number(process.env.PORT ?? 3000), () => {
  console.log("notes-auth listening");
});
