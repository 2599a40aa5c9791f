import log4js from "log4js";
import { clickhouseAppender } from "./appenders/clickhouse.js";

export function setupLogging(): void {
  log4js.configure({
    appenders: {
      out: { type: "stdout", layout: { type: "pattern", pattern: "%d %p %c %m" } },
      warehouse: {
        type: clickhouseAppender,
        url: process.env.CLICKHOUSE_URL ?? "http://localhost:8123",
        database: "logs",
        table: "quote_svc_events",
      },
    },
    categories: {
      default: { appenders: ["out", "warehouse"], level: "info" },
      sql: { appenders: ["out"], level: "warn" },
    },
  });
}
