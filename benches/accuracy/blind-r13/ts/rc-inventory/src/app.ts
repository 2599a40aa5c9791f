import "reflect-metadata";
import { createExpressServer, useContainer } from "routing-controllers";
import { Container } from "typedi";
import { StockController } from "./controllers/StockController";
import { RateLimitMiddleware } from "./middlewares/RateLimitMiddleware";
import { db } from "./db";

useContainer(Container);

const app = createExpressServer({
  routePrefix: "/api",
  controllers: [StockController],
  middlewares: [RateLimitMiddleware],
  defaultErrorHandler: true,
});

const server = app.listen(Number(process.env.PORT ?? 3000), () => {
  console.log("inventory api listening");
});

process.on("SIGTERM", () => {
  server.close(() => {
    void db.end();
  });
});
