// Consumes tasks enqueued by the Django side (celery) on the "ocr" queue.
import * as celery from "celery-node";
import { extractInvoice } from "./tasks/extract";
import { storeResult, markFailed } from "./tasks/store";

const worker = celery.createWorker(
  process.env.CELERY_BROKER_URL ?? "redis://127.0.0.1:6379/0",
  process.env.CELERY_RESULT_BACKEND ?? "redis://127.0.0.1:6379/1",
  "ocr",
);

worker.register("ocr.extract_invoice", extractInvoice);
worker.register("ocr.store_result", storeResult);
worker.register("ocr.mark_failed", markFailed);

worker.start();
console.log("ocr worker started");
