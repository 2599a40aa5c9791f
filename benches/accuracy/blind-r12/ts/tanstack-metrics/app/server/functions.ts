import { createServerFn } from "@tanstack/react-start";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { db } from "./db";
import { deployments } from "./schema";

export const getDeploySummary = createServerFn({ method: "GET" })
  .validator((input: { hours: number }) => ({ hours: Math.min(Math.max(input.hours, 1), 168) }))
  .handler(async ({ data }) => {
    const since = new Date(Date.now() - data.hours * 3_600_000);
    const rows = await db
      .select({
        service: deployments.service,
        total: sql<number>`count(*)::int`,
        failed: sql<number>`count(*) filter (where ${deployments.status} = 'failed')::int`,
        p50: sql<number>`percentile_cont(0.5) within group (order by ${deployments.durationMs})::int`,
      })
      .from(deployments)
      .where(gte(deployments.finishedAt, since))
      .groupBy(deployments.service);
    return rows;
  });

export const getRecentFailures = createServerFn({ method: "GET" })
  .validator((service: string) => service)
  .handler(async ({ data: service }) =>
    db
      .select()
      .from(deployments)
      .where(and(eq(deployments.service, service), eq(deployments.status, "failed")))
      .orderBy(desc(deployments.finishedAt))
      .limit(10),
  );

export const acknowledgeFailure = createServerFn({ method: "POST" })
  .validator((id: number) => id)
  .handler(async ({ data: id }) => {
    await db.update(deployments).set({ status: "failed_acked" }).where(eq(deployments.id, id));
    return { ok: true };
  });
