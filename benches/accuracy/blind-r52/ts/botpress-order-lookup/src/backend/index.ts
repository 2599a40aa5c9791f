import * as sdk from 'botpress/sdk'

import { pool, findOrder } from './db'
import { registerOrderMiddleware, MIDDLEWARE_NAME } from './middleware'
import { lookupStats, closeAnalytics } from './analytics'

const MODULE_NAME = 'order-lookup'

const onServerStarted = async (bp: typeof sdk) => {
  registerOrderMiddleware(bp)
}

const onServerReady = async (bp: typeof sdk) => {
  const router = bp.http.createRouterForBot(MODULE_NAME, { checkAuthentication: true })

  router.get('/orders/:orderNumber', async (req, res) => {
    try {
      const order = await findOrder(req.params.orderNumber)
      if (!order) {
        return res.status(404).send({ error: 'not found' })
      }
      res.send(order)
    } catch (err) {
      bp.logger.attachError(err).error('order lookup failed')
      res.status(500).send({ error: 'lookup failed' })
    }
  })

  router.get('/stats', async (req, res) => {
    const days = Math.min(Number(req.query.days) || 7, 90)
    res.send(await lookupStats(req.params.botId, days))
  })
}

const onBotMount = async (bp: typeof sdk, botId: string) => {
  const config = await bp.config.getModuleConfigForBot(MODULE_NAME, botId)
  bp.logger.forBot(botId).info(`order lookup enabled=${config.enabled !== false}`)
}

const onBotUnmount = async (bp: typeof sdk, botId: string) => {
  bp.logger.forBot(botId).info('order lookup unmounted')
}

const onModuleUnmount = async (bp: typeof sdk) => {
  bp.events.removeMiddleware(MIDDLEWARE_NAME)
  bp.http.deleteRouterForBot(MODULE_NAME)
  await Promise.all([pool.end(), closeAnalytics()])
}

const entryPoint: sdk.ModuleEntryPoint = {
  onServerStarted,
  onServerReady,
  onBotMount,
  onBotUnmount,
  onModuleUnmount,
  definition: {
    name: MODULE_NAME,
    menuIcon: 'none',
    fullName: 'Order Lookup',
    homepage: 'https://support.example.com/botpress/order-lookup',
    noInterface: true
  }
}

export default entryPoint
