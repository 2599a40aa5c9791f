import { resolver } from "@blitzjs/rpc"
import { NotFoundError } from "blitz"
import Redis from "ioredis"
import { z } from "zod"
import db from "db"

const PublishProject = z.object({
  id: z.number().int(),
  note: z.string().max(280).optional(),
})

export default resolver.pipe(
  resolver.zod(PublishProject),
  resolver.authorize(),
  async ({ id, note }, ctx) => {
    const project = await db.project.findFirst({
      where: { id, members: { some: { userId: ctx.session.userId!, role: "OWNER" } } },
    })
    if (!project) throw new NotFoundError()

    const published = await db.project.update({
      where: { id },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    })

    // Let the notification worker fan this out to followers.
    const redis = new Redis(process.env.REDIS_URL!)
    await redis.xadd(
      "project-events",
      "*",
      "type",
      "published",
      "projectId",
      String(id),
      "note",
      note ?? ""
    )

    return published
  }
)
