import { Pool as HttpPool } from "undici";

const MAX_PRINTERS = 256;

export interface Printer {
  name: string;
  origin: string; // http://host:port
  http: HttpPool;
}

// one keep-alive pool per discovered printer, dropped when the printer goes away
const printers = new Map<string, Printer>();

export function upsertPrinter(name: string, host: string, port: number): Printer | undefined {
  const origin = `http://${host}:${port}`;
  const existing = printers.get(name);
  if (existing && existing.origin === origin) return existing;
  if (existing) void existing.http.close();
  if (!existing && printers.size >= MAX_PRINTERS) {
    console.warn(`ignoring ${name}: printer table full`);
    return undefined;
  }
  const printer = { name, origin, http: new HttpPool(origin, { connections: 2, keepAliveTimeout: 30_000 }) };
  printers.set(name, printer);
  return printer;
}

export async function removePrinter(name: string): Promise<void> {
  const p = printers.get(name);
  if (!p) return;
  printers.delete(name);
  await p.http.close();
}

export function allPrinters(): Printer[] {
  return [...printers.values()];
}

export async function closeAll(): Promise<void> {
  await Promise.all(allPrinters().map((p) => p.http.close()));
  printers.clear();
}
