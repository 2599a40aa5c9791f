import { createYoga } from 'graphql-yoga'
import { schema } from './schema'
import { createContext } from './context'
import { closeMongo, getMongoClient } from './mongo'

await getMongoClient() // fail fast if mongo is unreachable

const yoga = createYoga({ schema, context: createContext, graphqlEndpoint: '/graphql' })

const server = Bun.serve({
  port: Number(process.env.PORT ?? 4000),
  fetch: yoga,
})

process.on('SIGTERM', async () => {
  server.stop()
  await closeMongo()
  process.exit(0)
})

console.log(`graphql on ${server.url}graphql`)
