import http from "node:http";
import bodyParser from "body-parser";
import { Server } from "@overnightjs/core";
import { Logger } from "@overnightjs/logger";
import { Pool } from "pg";
import Redis from "ioredis";
import { StockController } from "./controllers/StockController";
import { ReservationController } from "./controllers/ReservationController";

export class InventoryServer extends Server {
  constructor(pool: Pool, redis: Redis) {
    super(process.env.NODE_ENV !== "production");
    this.app.use(bodyParser.json({ limit: "256kb" }));
    this.app.use((req, _res, next) => {
      Logger.Info(`${req.method} ${req.originalUrl}`);
      next();
    });
    // Controllers are instantiated once here and share the process-wide
    // pool and Redis client for every request they serve.
    super.addControllers([new StockController(pool, redis), new ReservationController(pool)]);
  }

  public start(port: number): http.Server {
    return this.app.listen(port, () => {
      Logger.Imp(`inventory api listening on ${port}`);
    });
  }
}

export function describeRoutes(): string[] {
  return [
    "GET  /api/stock/:sku",
    "POST /api/stock/:sku/adjust",
    "POST /api/reservations",
    "DELETE /api/reservations/:id",
  ];
}
