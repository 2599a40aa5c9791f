import { workflow } from '@novu/framework'
import { PrismaClient } from '@prisma/client'
import { z } from 'zod'
import { isMuted } from '../lib/flags.js'

export const weeklyDigest = workflow(
  'weekly-usage-digest',
  async ({ step, payload, subscriber }) => {
    const { events } = await step.digest('collect-usage', async () => ({ amount: 1, unit: 'weeks' }))

    await step.inApp(
      'usage-summary',
      async () => {
        const prisma = new PrismaClient()
        const workspace = await prisma.workspace.findUnique({
          where: { id: payload.workspaceId },
          select: { name: true, plan: true, seatCount: true },
        })
        const total = events.reduce((sum, e) => sum + Number(e.payload.value ?? 0), 0)
        return {
          subject: `${workspace?.name ?? 'Your workspace'}: weekly usage`,
          body: `${events.length} ${payload.metric} events this week (total ${total}) on the ${workspace?.plan ?? 'free'} plan with ${workspace?.seatCount ?? 0} seats.`,
        }
      },
      { skip: async () => isMuted(subscriber.subscriberId, 'usage-summary') },
    )
  },
  {
    payloadSchema: z.object({
      workspaceId: z.string(),
      metric: z.string(),
      value: z.number(),
    }),
  },
)
