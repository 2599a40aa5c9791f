import { buildApplication, buildRouteMap } from "@stricli/core";
import { exportOrders, purgeCarts, reindex } from "./commands.js";

const routes = buildRouteMap({
  routes: {
    "export-orders": exportOrders,
    "purge-carts": purgeCarts,
    reindex,
  },
  docs: { brief: "Shop operations" },
});

export const app = buildApplication(routes, {
  name: "shopops",
  versionInfo: { currentVersion: "1.4.0" },
});
