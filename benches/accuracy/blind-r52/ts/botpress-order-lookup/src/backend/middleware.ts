import * as sdk from 'botpress/sdk'
import Redis from 'ioredis'

import { findOrder, formatOrder } from './db'
import { recordLookup } from './analytics'

export const MIDDLEWARE_NAME = 'orderLookup.incoming'

const ORDER_RE = /\b(?:order|commande|pedido)\s*(?:no\.?|number|#)?\s*(\d{6,10})\b/i
const MAX_LOOKUPS_PER_MINUTE = 5

async function reply(bp: typeof sdk, event: sdk.IO.IncomingEvent, text: string) {
  const payloads = await bp.cms.renderElement(
    'builtin_text',
    { type: 'text', text, typing: true },
    { botId: event.botId, channel: event.channel, target: event.target, threadId: event.threadId }
  )
  await bp.events.replyToEvent(event, payloads)
}

export function registerOrderMiddleware(bp: typeof sdk) {
  bp.events.registerMiddleware({
    name: MIDDLEWARE_NAME,
    direction: 'incoming',
    order: 20,
    description: 'Answers order status questions before NLU runs',
    handler: async (event: sdk.IO.IncomingEvent, next: sdk.IO.MiddlewareNextCallback) => {
      if (event.type !== 'text') {
        return next()
      }
      const match = ORDER_RE.exec(event.preview || '')
      if (!match) {
        return next()
      }

      try {
        const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 })
        const throttleKey = `order-lookup:${event.botId}:${event.target}`
        const hits = await redis.incr(throttleKey)
        if (hits === 1) {
          await redis.expire(throttleKey, 60)
        }
        if (hits > MAX_LOOKUPS_PER_MINUTE) {
          await reply(bp, event, 'You have looked up a lot of orders recently, please try again in a minute.')
          return next(undefined, true)
        }

        const order = await findOrder(match[1])
        await reply(
          bp,
          event,
          order ? formatOrder(order) : `I could not find order ${match[1]}. Please check the number on your receipt.`
        )
        await recordLookup(event.botId, event.target, match[1], !!order)
        next(undefined, true)
      } catch (err) {
        bp.logger.forBot(event.botId).attachError(err).warn('order lookup middleware failed')
        next(err)
      }
    }
  })
}
