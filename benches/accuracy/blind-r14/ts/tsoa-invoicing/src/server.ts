import express, { type NextFunction, type Request, type Response } from 'express';
import { RegisterRoutes } from '../build/routes';
import { closePool, getPool } from './db';

const app = express();
app.use(express.json());

RegisterRoutes(app);

app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
  res.status(res.statusCode >= 400 ? res.statusCode : 500).json({ message: err.message });
});

const server = app.listen(Number(process.env.PORT ?? 3000), async () => {
  await getPool().query('SELECT 1');
  console.log('invoicing api ready');
});

process.on('SIGTERM', () => {
  server.close(() => void closePool());
});
