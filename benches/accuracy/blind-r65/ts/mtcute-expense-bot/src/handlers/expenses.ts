import { Dispatcher, filters } from '@mtcute/dispatcher'
import { Redis } from 'ioredis'
import { addExpense } from '../db.js'
import { formatTotals, monthTotals } from '../reports/stats.js'

const BUDGET_REDIS_URL = process.env.BUDGET_REDIS_URL ?? 'redis://localhost:6379'

export function registerExpenseHandlers(dp: Dispatcher) {
  dp.onNewMessage(filters.command('start'), async (msg) => {
    await msg.answerText('Send /add <amount> <category> [note] to log an expense, /month for totals.')
  })

  dp.onNewMessage(filters.command('add'), async (msg) => {
    const [, amount, category = 'misc', ...note] = msg.command
    const cents = Math.round(Number.parseFloat(amount ?? '') * 100)
    if (!Number.isFinite(cents) || cents <= 0) {
      await msg.replyText('Usage: /add 12.50 food lunch with team')
      return
    }
    await addExpense(msg.sender.id, cents, category, note.join(' '))
    await msg.replyText(`Logged ${(cents / 100).toFixed(2)} in ${category}.`)
  })

  dp.onNewMessage(filters.command('month'), async (msg) => {
    const rows = await monthTotals(msg.sender.id)
    await msg.replyText(formatTotals(rows))
  })

  dp.onNewMessage(filters.command('budget'), async (msg) => {
    const redis = new Redis(BUDGET_REDIS_URL)
    const limit = msg.command[1]
    if (limit) {
      await redis.hset(`budget:${msg.sender.id}`, 'monthly', String(Math.round(Number(limit) * 100)))
      await msg.replyText(`Monthly budget set to ${limit}.`)
      return
    }
    const current = await redis.hget(`budget:${msg.sender.id}`, 'monthly')
    await msg.replyText(current ? `Your budget is ${(Number(current) / 100).toFixed(2)}.` : 'No budget set.')
  })
}
