import type { HttpContext } from '@adonisjs/core/http'
import searchClient from '#services/search_client'

export default class SearchController {
  async index({ request, response }: HttpContext) {
    const q = request.input('q', '')
    const page = Number(request.input('page', 1))
    const result = await searchClient.search({
      index: 'products',
      from: (page - 1) * 20,
      size: 20,
      query: { multi_match: { query: q, fields: ['name^3', 'description'] } },
    })
    return response.ok({
      total: result.hits.total,
      hits: result.hits.hits.map((h) => ({ id: h._id, ...(h._source as object) })),
    })
  }
}
