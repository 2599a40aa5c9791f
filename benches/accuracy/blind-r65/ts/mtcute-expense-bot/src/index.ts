import { TelegramClient } from '@mtcute/node'
import { Dispatcher } from '@mtcute/dispatcher'
import { registerExpenseHandlers } from './handlers/expenses.js'

const tg = new TelegramClient({
  apiId: Number(process.env.API_ID),
  apiHash: process.env.API_HASH!,
  storage: 'bot-data/session',
})

const dp = Dispatcher.for(tg)
registerExpenseHandlers(dp)

const self = await tg.start({ botToken: process.env.BOT_TOKEN! })
console.log(`logged in as @${self.username}`)
