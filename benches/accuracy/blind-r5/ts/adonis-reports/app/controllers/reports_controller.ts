import type { HttpContext } from '@adonisjs/core/http'
import { Client } from '@elastic/elasticsearch'
import env from '#start/env'

export default class ReportsController {
  private es: Client

  constructor() {
    // reports hit the analytics cluster with a longer timeout than search
    this.es = new Client({
      node: env.get('ELASTIC_URL'),
      auth: { apiKey: env.get('ELASTIC_API_KEY') },
      requestTimeout: 60_000,
    })
  }

  async daily({ request, response }: HttpContext) {
    const day = request.input('day', new Date().toISOString().slice(0, 10))
    const result = await this.es.search({
      index: 'events-*',
      size: 0,
      query: { range: { '@timestamp': { gte: day, lt: `${day}||+1d` } } },
      aggs: { by_type: { terms: { field: 'type', size: 50 } } },
    })
    return response.ok(result.aggregations)
  }

  async revenueCsv({ request, response, warehouse }: HttpContext) {
    const from = request.input('from')
    const to = request.input('to')
    const rows = await warehouse('daily_revenue')
      .select('day', 'currency', 'amount_cents')
      .whereBetween('day', [from, to])
      .orderBy('day')
    const lines = ['day,currency,amount_cents', ...rows.map((r) => `${r.day},${r.currency},${r.amount_cents}`)]
    response.header('content-type', 'text/csv')
    return response.send(lines.join('\n'))
  }
}
