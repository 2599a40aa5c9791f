import { Prisma, PrismaClient } from "@prisma/client";

// Audit writes go straight to the database, bypassing the cache extension.
const auditDb = new PrismaClient({
  datasources: { db: { url: process.env.DATABASE_URL } },
});

export interface HasuraEvent {
  id: string;
  created_at: string;
  table: { schema: string; name: string };
  trigger: { name: string };
  event: {
    op: "INSERT" | "UPDATE" | "DELETE" | "MANUAL";
    session_variables: Record<string, string> | null;
    data: { old: Record<string, unknown> | null; new: Record<string, unknown> | null };
  };
}

export async function recordAudit(body: HasuraEvent): Promise<{ ok: true }> {
  const row = body.event.data.new ?? body.event.data.old ?? {};
  await auditDb.auditLog.create({
    data: {
      table: `${body.table.schema}.${body.table.name}`,
      op: body.event.op,
      rowId: String(row.id ?? ""),
      actor: body.event.session_variables?.["x-hasura-user-id"] ?? null,
      payload: body.event.data as Prisma.InputJsonValue,
    },
  });
  return { ok: true };
}
