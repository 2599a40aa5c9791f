import { resolver } from "@blitzjs/rpc"
import { z } from "zod"
import db from "db"
import { analyticsDb } from "../db"

const GetProjectTraffic = z.object({
  projectId: z.number().int(),
  days: z.number().int().min(1).max(90).default(14),
})

export default resolver.pipe(
  resolver.zod(GetProjectTraffic),
  resolver.authorize(),
  async ({ projectId, days }, ctx) => {
    await db.project.findFirstOrThrow({
      where: { id: projectId, members: { some: { userId: ctx.session.userId! } } },
      select: { id: true },
    })

    const since = new Date(Date.now() - days * 86_400_000)
    const grouped = await analyticsDb.pageView.groupBy({
      by: ["path"],
      where: { projectId, at: { gte: since } },
      _count: { _all: true },
      orderBy: { _count: { path: "desc" } },
      take: 20,
    })
    return grouped.map((g) => ({ path: g.path, views: g._count._all }))
  }
)
