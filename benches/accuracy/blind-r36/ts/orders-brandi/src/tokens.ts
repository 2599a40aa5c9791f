import { token } from "brandi";
import type { Redis } from "ioredis";
import type { Config } from "./config.js";
import type { OrderRepository } from "./repositories/order-repository.js";
import type { SearchGateway } from "./gateways/search-gateway.js";
import type { OrderService } from "./services/order-service.js";

export const TOKENS = {
  config: token<Config>("config"),
  cache: token<Redis>("cache"),
  orderRepository: token<OrderRepository>("orderRepository"),
  searchGateway: token<SearchGateway>("searchGateway"),
  orderService: token<OrderService>("orderService"),
};
