import http from 'node:http';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { loadSnapshot, pool, saveSnapshot } from './storage';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { setupWSConnection, setPersistence } = require('y-websocket/bin/utils');

setPersistence({
  provider: pool,
  // called once when a document is first opened in this process
  bindState: async (docName: string, ydoc: Y.Doc) => {
    const snapshot = await loadSnapshot(docName);
    if (snapshot) Y.applyUpdate(ydoc, snapshot);

    const { rows } = await pool.query<{ update: Buffer }>(
      'SELECT update FROM doc_updates WHERE doc = $1 ORDER BY seq',
      [docName],
    );
    for (const r of rows) Y.applyUpdate(ydoc, r.update);

    ydoc.on('update', (update: Uint8Array) => {
      pool
        .query('INSERT INTO doc_updates (doc, update) VALUES ($1, $2)', [docName, Buffer.from(update)])
        .catch((err) => console.error('update log write failed', docName, err));
    });
  },
  // called when the last client disconnects from a document
  writeState: async (docName: string, ydoc: Y.Doc) => {
    const state = Y.encodeStateAsUpdate(ydoc);
    await saveSnapshot(docName, state);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM doc_updates WHERE doc = $1', [docName]);
      await client.query(
        'INSERT INTO docs (name, snapshot_at, size_bytes) VALUES ($1, now(), $2) ON CONFLICT (name) DO UPDATE SET snapshot_at = now(), size_bytes = $2',
        [docName, state.byteLength],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  },
});

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
const wss = new WebSocketServer({ noServer: true });

wss.on('connection', (conn, req) => {
  const docName = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0]);
  setupWSConnection(conn, req, { docName, gc: true });
});

server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

server.listen(Number(process.env.PORT ?? 1234), () => console.log('y-websocket server up'));

process.on('SIGTERM', () => {
  wss.close();
  server.close(() => pool.end().then(() => process.exit(0)));
});
