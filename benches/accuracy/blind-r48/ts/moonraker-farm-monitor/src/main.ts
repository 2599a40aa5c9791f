import { readFile } from 'node:fs/promises';
import { connectDatabase } from './db.js';
import { makeHandlers } from './handlers.js';
import { PrinterLink } from './printer.js';

interface PrinterConfig {
  id: string;
  url: string;
}

async function main(): Promise<void> {
  const printers: PrinterConfig[] = JSON.parse(
    await readFile(new URL('../config/printers.json', import.meta.url), 'utf8'),
  );

  const pool = await connectDatabase(process.env.DATABASE_URL ?? 'postgres://farm@localhost/farm');

  const links = printers.map((p) => new PrinterLink(p.id, p.url, makeHandlers(pool, p.id)));
  links.forEach((l) => l.start());
  console.log(`monitoring ${links.length} printers`);

  const shutdown = async () => {
    links.forEach((l) => l.stop());
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
