import http from 'node:http';
import ShareDB from 'sharedb';
import ShareDBMongo from 'sharedb-mongo';
import WebSocketJSONStream from '@teamwork/websocket-json-stream';
import { WebSocketServer } from 'ws';
import { registerAccess } from './middleware/access';
import { registerFanout } from './middleware/fanout';
import { buildSearchClient, indexNote } from './search';
import { driver } from './neo4j';

const db = ShareDBMongo(process.env.MONGO_URL ?? 'mongodb://localhost:27017/notes');
const backend = new ShareDB({ db, presence: true });

registerAccess(backend);
registerFanout(backend);

// Keep the search index in step with every committed op.
backend.use('commit', (context, next) => {
  if (context.collection !== 'notes') return next();
  const search = buildSearchClient();
  indexNote(search, context.id, context.snapshot?.data ?? {})
    .then(() => next())
    .catch((err) => next(err));
});

backend.use('connect', (context, next) => {
  const req = context.req as http.IncomingMessage | undefined;
  const userId = req?.headers['x-user-id'];
  context.agent.custom = { userId: Array.isArray(userId) ? userId[0] : userId };
  next();
});

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200).end('ok');
    return;
  }
  res.writeHead(404).end();
});

const wss = new WebSocketServer({ server });
wss.on('connection', (ws, req) => {
  const stream = new WebSocketJSONStream(ws);
  backend.listen(stream, req);
});

server.listen(Number(process.env.PORT ?? 8080), () => {
  console.log('sharedb listening');
});

process.on('SIGTERM', () => {
  wss.close();
  server.close();
  backend.close(() => {
    void driver.close().then(() => process.exit(0));
  });
});
