// Description:
//   Who is on call for a service, according to the service graph.
//
// Commands:
//   hubot who is on call for <service> - shows the current primary and secondary
//   hubot owners of <service> - lists the owning team and its members

import neo4j from 'neo4j-driver'
import { getGraph } from '../lib/graph.mjs'

export default async (robot) => {
  robot.respond(/who is on call for ([\w.-]+)/i, async (res) => {
    const service = res.match[1]
    const driver = neo4j.driver(
      process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
      neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '')
    )
    const session = driver.session({ defaultAccessMode: neo4j.session.READ })
    try {
      const result = await session.run(
        `MATCH (s:Service {name: $service})<-[:OWNS]-(t:Team)-[r:ON_CALL]->(p:Person)
         WHERE r.from <= datetime() < r.until
         RETURN p.name AS name, r.role AS role ORDER BY r.role`,
        { service }
      )
      if (result.records.length === 0) {
        res.reply(`nobody is on call for ${service} :scream:`)
        return
      }
      const lines = result.records.map((rec) => `${rec.get('role')}: ${rec.get('name')}`)
      res.send(`On call for *${service}*\n${lines.join('\n')}`)
    } finally {
      await session.close()
      await driver.close()
    }
  })

  robot.respond(/owners of ([\w.-]+)/i, async (res) => {
    const service = res.match[1]
    const { records } = await getGraph().executeQuery(
      'MATCH (s:Service {name: $service})<-[:OWNS]-(t:Team)<-[:MEMBER_OF]-(p:Person) RETURN t.name AS team, collect(p.name) AS members',
      { service },
      { routing: neo4j.routing.READ }
    )
    if (records.length === 0) return res.reply(`I don't know ${service}`)
    res.send(`${records[0].get('team')}: ${records[0].get('members').join(', ')}`)
  })
}
