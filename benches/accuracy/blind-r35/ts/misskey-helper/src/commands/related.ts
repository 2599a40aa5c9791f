import neo4j from 'neo4j-driver';
import type { Command } from './types.js';

async function relatedTags(tag: string): Promise<string[]> {
  const driver = neo4j.driver(
    process.env.NEO4J_URL ?? 'neo4j://localhost:7687',
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  );
  const session = driver.session({ database: 'hashtags', defaultAccessMode: neo4j.session.READ });
  try {
    const res = await session.run(
      `MATCH (:Tag {name: $tag})-[c:CO_OCCURS]-(t:Tag)
       RETURN t.name AS name ORDER BY c.weight DESC LIMIT 5`,
      { tag },
    );
    return res.records.map((r) => r.get('name') as string);
  } finally {
    await session.close();
    await driver.close();
  }
}

export const related: Command = async ({ args, reply }) => {
  const tag = (args[0] ?? '').replace(/^#/, '').toLowerCase();
  if (!tag) {
    await reply('usage: related <#tag>');
    return;
  }
  const tags = await relatedTags(tag);
  await reply(tags.length ? tags.map((t) => `#${t}`).join(' ') : `nothing related to #${tag} yet`);
};
