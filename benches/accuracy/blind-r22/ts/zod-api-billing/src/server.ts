import { createConfig, createServer, type Routing } from "express-zod-api";
import { finalizeInvoice, getInvoice, payInvoice } from "./endpoints/invoices.js";
import { accountSummary } from "./endpoints/reports.js";

const config = createConfig({
  http: { listen: Number(process.env.PORT ?? 8090) },
  cors: false,
  logger: { level: process.env.NODE_ENV === "production" ? "warn" : "debug", color: true },
  compression: true,
});

const routing: Routing = {
  v1: {
    invoice: {
      retrieve: { ":id": getInvoice },
      finalize: { ":id": finalizeInvoice },
      pay: { ":id": payInvoice },
    },
    account: {
      summary: { ":accountId": accountSummary },
    },
  },
};

await createServer(config, routing);
