import * as restate from "@restatedev/restate-sdk";
import { orders } from "./services/orders.js";
import { cart } from "./services/cart.js";

restate
  .endpoint()
  .bind(orders)
  .bind(cart)
  .listen(Number(process.env.PORT ?? 9080));
