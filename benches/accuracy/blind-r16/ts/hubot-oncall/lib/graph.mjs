import neo4j from 'neo4j-driver'

let driver

// One driver for the whole bot process; sessions are cheap and taken per command.
export function getGraph () {
  if (!driver) {
    driver = neo4j.driver(
      process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
      neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '')
    )
  }
  return driver
}

export async function closeGraph () {
  if (driver) await driver.close()
  driver = undefined
}
