import { ContainerModule } from "@theia/core/shared/inversify";
import { ConnectionHandler, RpcConnectionHandler } from "@theia/core/lib/common/messaging";
import { BackendApplicationContribution } from "@theia/core/lib/node/backend-application";
import { TICKET_SERVICE_PATH, TicketClient, TicketService } from "../common/ticket-protocol";
import { TicketDatabase } from "./ticket-database";
import { TicketServiceImpl } from "./ticket-service-impl";

/**
 * Backend wiring. The RpcConnectionHandler factory below runs once for every
 * frontend (browser tab / Electron window) that connects to the backend;
 * it only looks up the singleton service and registers the new client on it.
 */
export default new ContainerModule((bind) => {
  bind(TicketDatabase).toSelf().inSingletonScope();
  bind(BackendApplicationContribution).toService(TicketDatabase);

  bind(TicketServiceImpl).toSelf().inSingletonScope();
  bind(TicketService).toService(TicketServiceImpl);

  bind(ConnectionHandler)
    .toDynamicValue(
      (ctx) =>
        new RpcConnectionHandler<TicketClient>(TICKET_SERVICE_PATH, (client) => {
          const service = ctx.container.get(TicketServiceImpl);
          service.setClient(client);
          client.onDidCloseConnection(() => service.removeClient(client));
          return service;
        })
    )
    .inSingletonScope();
});
