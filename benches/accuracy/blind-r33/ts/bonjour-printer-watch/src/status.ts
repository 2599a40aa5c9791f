import type { Pool } from "pg";
import type { Printer } from "./printers.js";

interface StatusDoc {
  state: "idle" | "processing" | "stopped";
  tonerPct?: number;
  pagesTotal?: number;
}

export function makeStatusRecorder(db: Pool) {
  return async function recordStatus(printer: Printer): Promise<void> {
    const { statusCode, body } = await printer.http.request({
      path: "/api/status.json",
      method: "GET",
      headersTimeout: 5_000,
    });
    if (statusCode !== 200) {
      await body.dump();
      throw new Error(`${printer.name}: HTTP ${statusCode}`);
    }
    const status = (await body.json()) as StatusDoc;
    await db.query(
      "insert into printer_status (printer, state, toner_pct, pages_total, observed_at) values ($1, $2, $3, $4, now())",
      [printer.name, status.state, status.tonerPct ?? null, status.pagesTotal ?? null],
    );
  };
}
