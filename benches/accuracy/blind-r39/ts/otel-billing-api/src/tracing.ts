import { NodeSDK } from "@opentelemetry/sdk-node";
import { getNodeAutoInstrumentations } from "@opentelemetry/auto-instrumentations-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";

import { SlowSpanExporter } from "./exporter.js";

const sdk = new NodeSDK({
  serviceName: "billing-api",
  spanProcessors: [
    new BatchSpanProcessor(new SlowSpanExporter(), {
      scheduledDelayMillis: 2_000,
      maxExportBatchSize: 256,
    }),
  ],
  instrumentations: [getNodeAutoInstrumentations({ "@opentelemetry/instrumentation-fs": { enabled: false } })],
});

sdk.start();

process.on("SIGTERM", () => {
  sdk.shutdown().finally(() => process.exit(0));
});
