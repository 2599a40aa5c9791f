import http from 'node:http';
import { Repo, type PeerId } from '@automerge/automerge-repo';
import { NodeWSServerAdapter } from '@automerge/automerge-repo-network-websocket';
import { WebSocketServer } from 'ws';
import { connectWithRetry } from './db.js';
import { PostgresStorageAdapter } from './pg-storage.js';

async function main() {
  const pool = await connectWithRetry();

  const server = http.createServer(async (req, res) => {
    if (req.url === '/healthz') {
      try {
        await pool.query('SELECT 1');
        res.writeHead(200).end('ok');
      } catch {
        res.writeHead(503).end('db down');
      }
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('automerge sync server');
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const repo = new Repo({
    network: [new NodeWSServerAdapter(wss)],
    storage: new PostgresStorageAdapter(pool),
    peerId: `sync-server-${process.env.HOSTNAME ?? 'local'}` as PeerId,
    // The server only relays documents it is asked for.
    sharePolicy: async () => false,
  });

  server.listen(Number(process.env.PORT ?? 3030), () => console.log('sync server up'));

  const stop = async () => {
    wss.close();
    server.close();
    await repo.flush();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
