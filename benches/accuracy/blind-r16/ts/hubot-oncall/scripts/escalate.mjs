// Description:
//   Escalate an incident to the next person in the escalation chain.
//
// Commands:
//   hubot escalate <incident-id> - pages the next level for the incident

import { getGraph } from '../lib/graph.mjs'

export default async (robot) => {
  robot.respond(/escalate (INC-\d+)/i, async (res) => {
    const incident = res.match[1]
    const session = getGraph().session()

    const current = await session.run(
      'MATCH (i:Incident {id: $incident})-[:ASSIGNED_TO]->(p:Person) RETURN i.level AS level, p.name AS assignee',
      { incident }
    )
    if (current.records.length === 0) {
      res.reply(`${incident} is not an open incident`)
      return
    }

    const level = current.records[0].get('level').toNumber()
    const next = await session.executeWrite((tx) =>
      tx.run(
        `MATCH (i:Incident {id: $incident})-[:AFFECTS]->(:Service)<-[:OWNS]-(t:Team)-[e:ESCALATES_TO {level: $level}]->(n:Person)
         MATCH (i)-[a:ASSIGNED_TO]->()
         DELETE a
         CREATE (i)-[:ASSIGNED_TO]->(n)
         SET i.level = $level
         RETURN n.name AS name`,
        { incident, level: level + 1 }
      )
    )
    await session.close()

    const name = next.records[0]?.get('name')
    res.send(name ? `${incident} escalated to ${name} (level ${level + 1})` : `${incident}: end of the escalation chain`)
  })
}
