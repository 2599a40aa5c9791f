import { Client } from '@elastic/elasticsearch'
import env from '#start/env'

/**
 * Shared Elasticsearch client for the whole process.
 */
const searchClient = new Client({
  node: env.get('ELASTIC_URL'),
  auth: { apiKey: env.get('ELASTIC_API_KEY') },
  maxRetries: 3,
  requestTimeout: 10_000,
})

export default searchClient
