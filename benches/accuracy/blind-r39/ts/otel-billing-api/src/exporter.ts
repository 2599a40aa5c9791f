import { Client } from "@elastic/elasticsearch";
import { ExportResultCode, hrTimeToMilliseconds, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

const SLOW_MS = Number(process.env.SLOW_SPAN_MS ?? 500);

/**
 * Ships slow / failed spans to the ops Elasticsearch cluster so support can
 * search them next to the application logs. Invoked by the BatchSpanProcessor.
 */
export class SlowSpanExporter implements SpanExporter {
  private stopped = false;

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error("exporter shut down") });
      return;
    }

    const interesting = spans.filter(
      (s) => hrTimeToMilliseconds(s.duration) >= SLOW_MS || s.status.code === 2,
    );
    if (interesting.length === 0) {
      resultCallback({ code: ExportResultCode.SUCCESS });
      return;
    }

    const es = new Client({
      node: process.env.OPS_ES_URL ?? "http://localhost:9200",
      auth: { apiKey: process.env.OPS_ES_API_KEY ?? "" },
    });

    const operations = interesting.flatMap((s) => [
      { index: { _index: "slow-spans" } },
      {
        "@timestamp": new Date(hrTimeToMilliseconds(s.startTime)).toISOString(),
        trace_id: s.spanContext().traceId,
        span_id: s.spanContext().spanId,
        name: s.name,
        duration_ms: hrTimeToMilliseconds(s.duration),
        status: s.status.code,
        attributes: s.attributes,
        service: s.resource.attributes["service.name"],
      },
    ]);

    es.bulk({ operations, refresh: false })
      .then((res) =>
        resultCallback({
          code: res.errors ? ExportResultCode.FAILED : ExportResultCode.SUCCESS,
        }),
      )
      .catch((error: Error) => resultCallback({ code: ExportResultCode.FAILED, error }));
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
  }

  async forceFlush(): Promise<void> {}
}
