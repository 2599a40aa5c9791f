import { createClient } from "@clickhouse/client";
import type { AppenderModule, LoggingEvent } from "log4js";

interface ClickHouseAppenderConfig {
  url: string;
  database: string;
  table: string;
  batchSize?: number;
  flushIntervalMs?: number;
}

// log4js calls configure() once for each appender declared in log4js.configure();
// the function it returns is then called for every logging event.
export const clickhouseAppender: AppenderModule = {
  configure(config: unknown) {
    const cfg = config as ClickHouseAppenderConfig;
    const client = createClient({ url: cfg.url, database: cfg.database, request_timeout: 10_000 });
    const batchSize = cfg.batchSize ?? 500;
    let buffer: Record<string, unknown>[] = [];

    const flush = async () => {
      if (buffer.length === 0) return;
      const rows = buffer;
      buffer = [];
      try {
        await client.insert({ table: cfg.table, values: rows, format: "JSONEachRow" });
      } catch (err) {
        process.stderr.write(`clickhouse appender dropped ${rows.length} rows: ${(err as Error).message}\n`);
      }
    };

    const timer = setInterval(() => void flush(), cfg.flushIntervalMs ?? 2_000);
    timer.unref();

    const appender = (event: LoggingEvent) => {
      buffer.push({
        ts: new Date(event.startTime).toISOString(),
        level: event.level.levelStr,
        category: event.categoryName,
        message: event.data.map(String).join(" "),
        request_id: event.context.requestId ?? null,
      });
      if (buffer.length >= batchSize) void flush();
    };

    appender.shutdown = (done: (err?: Error) => void) => {
      clearInterval(timer);
      flush()
        .then(() => client.close())
        .then(() => done(), done);
    };

    return appender;
  },
};
