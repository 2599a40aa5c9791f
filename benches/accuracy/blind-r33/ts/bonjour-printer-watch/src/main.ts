import { Bonjour } from "bonjour-service";
import pg from "pg";
import { allPrinters, closeAll, removePrinter, upsertPrinter } from "./printers.js";
import { makeStatusRecorder } from "./status.js";

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const recordStatus = makeStatusRecorder(db);

const bonjour = new Bonjour();
const browser = bonjour.find({ type: "ipp" });

browser.on("up", (service) => {
  const host = service.referer?.address ?? service.host;
  const printer = upsertPrinter(service.name, host, 80);
  if (!printer) return;
  console.log("printer up", service.name, printer.origin);
  void db
    .query(
      "insert into printers (name, origin, last_seen) values ($1, $2, now()) on conflict (name) do update set origin = excluded.origin, last_seen = now()",
      [service.name, printer.origin],
    )
    .catch((err) => console.error("printer upsert failed", err));
});

browser.on("down", (service) => {
  console.log("printer down", service.name);
  void removePrinter(service.name);
});

const poll = setInterval(() => {
  for (const printer of allPrinters()) {
    recordStatus(printer).catch((err) => console.warn("status poll failed", err.message));
  }
}, 60_000);

async function shutdown() {
  clearInterval(poll);
  browser.stop();
  bonjour.destroy();
  await closeAll();
  await db.end();
  process.exit(0);
}

process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
