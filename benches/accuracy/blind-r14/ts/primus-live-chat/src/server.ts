import http from 'node:http';
import Primus from 'primus';
import { registerSparkHandlers } from './handlers';
import { chatPool } from './db';

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    chatPool
      .query('SELECT 1')
      .then(() => res.writeHead(200).end('ok'))
      .catch(() => res.writeHead(503).end('db down'));
    return;
  }
  res.writeHead(404).end();
});

const primus = new Primus(server, { transformer: 'websockets', pathname: '/live' });

primus.on('connection', registerSparkHandlers);
primus.on('disconnection', (spark: Primus.Spark) => {
  console.log('spark left', spark.id);
});

server.listen(Number(process.env.PORT ?? 8080), () => {
  console.log('chat gateway up');
});
