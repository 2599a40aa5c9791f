import knx from "knx";
import { makeHandlers } from "./handlers.js";
import { pool } from "./lib/db.js";

const connection = new knx.Connection({
  ipAddr: process.env.KNX_GATEWAY ?? "192.168.1.50",
  ipPort: Number(process.env.KNX_PORT ?? 3671),
  physAddr: "15.15.250",
  minimumDelay: 20,
  handlers: makeHandlers(),
});

process.on("SIGTERM", () => {
  connection.Disconnect(async () => {
    await pool.end();
    process.exit(0);
  });
});
