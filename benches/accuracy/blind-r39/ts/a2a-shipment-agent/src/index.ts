import express from "express";
import pg from "pg";
import type { AgentCard } from "@a2a-js/sdk";
import { DefaultRequestHandler } from "@a2a-js/sdk/server";
import { A2AExpressApp } from "@a2a-js/sdk/server/express";

import { ShipmentAgentExecutor } from "./executor.js";
import { PgTaskStore } from "./taskStore.js";

const PORT = Number(process.env.PORT ?? 41241);

const agentCard: AgentCard = {
  name: "Shipment Agent",
  description: "Answers shipment status questions for storefront orders.",
  url: process.env.PUBLIC_URL ?? `http://localhost:${PORT}/`,
  version: "0.4.0",
  protocolVersion: "0.2.5",
  capabilities: { streaming: true, pushNotifications: false, stateTransitionHistory: true },
  defaultInputModes: ["text"],
  defaultOutputModes: ["text"],
  skills: [
    {
      id: "shipment_status",
      name: "Shipment status",
      description: "Look up where an order is and when it will arrive.",
      tags: ["logistics", "orders"],
      examples: ["Where is order #1234567?"],
    },
  ],
};

const taskPool = new pg.Pool({ connectionString: process.env.AGENT_DATABASE_URL, max: 10 });

const requestHandler = new DefaultRequestHandler(
  agentCard,
  new PgTaskStore(taskPool),
  new ShipmentAgentExecutor(),
);

const app = new A2AExpressApp(requestHandler).setupRoutes(express());

const server = app.listen(PORT, () => {
  console.log(`[shipment-agent] listening on ${PORT}`);
});

process.on("SIGTERM", () => {
  server.close(() => void taskPool.end());
});
