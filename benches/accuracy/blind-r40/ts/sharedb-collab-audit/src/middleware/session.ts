import type ShareDB from "sharedb";
import type { IncomingMessage } from "node:http";

export interface AgentCustom {
  userId: string;
  workspace: string;
}

export function registerSessionMiddleware(backend: ShareDB): void {
  backend.use("connect", (context, next) => {
    const req = context.req as IncomingMessage | undefined;
    const userId = req?.headers["x-user-id"];
    const workspace = req?.headers["x-workspace"];
    if (typeof userId !== "string" || typeof workspace !== "string") {
      next(new Error("missing identity headers"));
      return;
    }
    const custom: AgentCustom = { userId, workspace };
    context.agent.custom = custom;
    next();
  });
}
