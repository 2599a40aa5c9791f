import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as soap from 'soap';
import { billingService } from './services/billing';
import { pool } from './db';

const wsdl = readFileSync(path.join(__dirname, '..', 'wsdl', 'billing.wsdl'), 'utf8');

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.end('ok');
    return;
  }
  res.statusCode = 404;
  res.end();
});

server.listen(8001, () => {
  const soapServer = soap.listen(server, '/billing', billingService, wsdl, () => {
    console.log('SOAP billing service on :8001/billing?wsdl');
  });
  soapServer.log = (type, data) => {
    if (type === 'error') console.error(data);
  };
});

process.on('SIGTERM', () => {
  server.close(() => void pool.end());
});
