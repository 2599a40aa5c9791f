import { resolver } from "@blitzjs/rpc"
import { NotFoundError } from "blitz"
import { z } from "zod"
import db from "db"

const GetProject = z.object({ id: z.number().int() })

export default resolver.pipe(resolver.zod(GetProject), resolver.authorize(), async ({ id }, ctx) => {
  const project = await db.project.findFirst({
    where: { id, members: { some: { userId: ctx.session.userId! } } },
    include: { members: { include: { user: { select: { id: true, name: true } } } } },
  })
  if (!project) throw new NotFoundError()
  return project
})
