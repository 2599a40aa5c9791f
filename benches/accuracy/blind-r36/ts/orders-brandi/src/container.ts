import { Container } from "brandi";
import { Redis } from "ioredis";
import { loadConfig, type Config } from "./config.js";
import { TOKENS } from "./tokens.js";
import { OrderRepository } from "./repositories/order-repository.js";
import { SearchGateway } from "./gateways/search-gateway.js";
import { OrderService } from "./services/order-service.js";

function createCache(config: Config): Redis {
  return new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
}

export const container = new Container();

container.bind(TOKENS.config).toConstant(loadConfig());
container
  .bind(TOKENS.cache)
  .toInstance(() => createCache(container.get(TOKENS.config)))
  .inSingletonScope();
container.bind(TOKENS.orderRepository).toInstance(OrderRepository).inTransientScope();
container.bind(TOKENS.searchGateway).toInstance(SearchGateway).inTransientScope();
container.bind(TOKENS.orderService).toInstance(OrderService).inTransientScope();
