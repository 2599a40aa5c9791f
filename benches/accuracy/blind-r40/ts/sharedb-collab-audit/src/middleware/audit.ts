import type ShareDB from "sharedb";
import pg from "pg";
import type { AgentCustom } from "./session.js";

const auditUrl = process.env.AUDIT_DATABASE_URL ?? process.env.DATABASE_URL;

export function registerAuditMiddleware(backend: ShareDB): void {
  // "afterWrite" fires once per op after it has been committed to the op log
  backend.use("afterWrite", async (context, next) => {
    const { userId, workspace } = context.agent.custom as AgentCustom;
    const op = context.op as { v: number; op?: unknown[]; create?: unknown; del?: boolean };
    const kind = op.create ? "create" : op.del ? "delete" : "edit";

    const audit = new pg.Client({ connectionString: auditUrl });
    try {
      await audit.connect();
      await audit.query(
        `insert into op_audit (workspace, collection, doc_id, version, kind, user_id, at)
         values ($1, $2, $3, $4, $5, $6, now())`,
        [workspace, context.collection, context.id, op.v, kind, userId],
      );
      next();
    } catch (err) {
      console.error("audit insert failed", err);
      next();
    }
  });
}
