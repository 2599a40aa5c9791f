import ipc from "node-ipc";
import { balance, postEntry, PostEntry } from "./ledger";
import { buildReport, ReportRequest } from "./reports";

ipc.config.id = "ledger";
ipc.config.retry = 1500;
ipc.config.silent = true;

ipc.serve(() => {
  // one callback invocation per IPC message from any connected terminal
  ipc.server.on("ledger.post", async (data: PostEntry & { reqId: string }, socket) => {
    try {
      const journalId = await postEntry(data);
      ipc.server.emit(socket, "ledger.posted", { reqId: data.reqId, journalId });
    } catch (err) {
      ipc.server.emit(socket, "ledger.error", { reqId: data.reqId, message: (err as Error).message });
    }
  });

  ipc.server.on("ledger.balance", async (data: { reqId: string; account: string }, socket) => {
    const cents = await balance(data.account);
    ipc.server.emit(socket, "ledger.balance", { reqId: data.reqId, cents });
  });

  ipc.server.on("ledger.report", async (data: ReportRequest & { reqId: string }, socket) => {
    try {
      const rows = await buildReport(data);
      ipc.server.emit(socket, "ledger.report", { reqId: data.reqId, rows });
    } catch (err) {
      ipc.server.emit(socket, "ledger.error", { reqId: data.reqId, message: (err as Error).message });
    }
  });

  ipc.server.on("socket.disconnected", (_socket, destroyedSocketID) => {
    ipc.log(`terminal ${destroyedSocketID} disconnected`);
  });
});

ipc.server.start();
