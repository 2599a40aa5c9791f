import "reflect-metadata";
import { createServer } from "node:http";
import { parse } from "graphql";
import { createApplication } from "graphql-modules";
import { catalogModule } from "./modules/catalog";
import { reviewsModule } from "./modules/reviews";
import { ordersModule } from "./modules/orders";
import { mongo } from "./db";
import type { AppContext } from "./context";

const application = createApplication({
  modules: [catalogModule, reviewsModule, ordersModule],
});

const execute = application.createExecution();

async function main() {
  await mongo.connect();

  createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== "/graphql") {
      res.writeHead(404).end();
      return;
    }
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const { query, variables, operationName } = JSON.parse(raw);

    const contextValue: AppContext = {
      shopId: String(req.headers["x-shop-id"] ?? "default"),
      userId: (req.headers["x-user-id"] as string | undefined) ?? null,
    };

    const result = await execute({
      schema: application.schema,
      document: parse(query),
      variableValues: variables,
      operationName,
      contextValue,
    });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
  }).listen(4000, () => console.log("catalog graph on :4000"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
