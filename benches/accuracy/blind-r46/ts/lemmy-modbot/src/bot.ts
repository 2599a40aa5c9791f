import { Client } from '@elastic/elasticsearch';
import LemmyBot from 'lemmy-bot';

import { driver } from './graph.js';

const COMMUNITIES = (process.env.MOD_COMMUNITIES ?? 'selfhosted,homelab').split(',');

const bot = new LemmyBot({
  instance: process.env.LEMMY_INSTANCE ?? 'lemmy.example.org',
  credentials: {
    username: process.env.LEMMY_USERNAME ?? 'modbot',
    password: process.env.LEMMY_PASSWORD ?? '',
  },
  federation: {
    allowList: [{ instance: process.env.LEMMY_INSTANCE ?? 'lemmy.example.org', communities: COMMUNITIES }],
  },
  dbFile: 'modbot.sqlite3',
  handlers: {
    // Polled every 20 s; handle() runs once per new post.
    post: {
      secondsBetweenPolls: 20,
      handle: async ({ postView, botActions: { createComment } }) => {
        const search = new Client({
          node: process.env.ES_URL ?? 'http://localhost:9200',
          auth: { apiKey: process.env.ES_API_KEY ?? '' },
        });

        const { hits } = await search.search({
          index: 'lemmy-posts',
          size: 3,
          query: {
            bool: {
              must: [{ match: { title: postView.post.name } }],
              filter: [{ term: { community: postView.community.name } }],
            },
          },
        });

        await search.index({
          index: 'lemmy-posts',
          id: String(postView.post.id),
          document: {
            title: postView.post.name,
            body: postView.post.body ?? '',
            url: postView.post.url ?? null,
            community: postView.community.name,
            author: postView.creator.actor_id,
            published: postView.post.published,
          },
        });

        const dupes = hits.hits.filter((h) => (h._score ?? 0) > 12);
        if (dupes.length > 0) {
          await createComment({
            post_id: postView.post.id,
            content: `Possibly already discussed:\n${dupes
              .map((d) => `- ${(d._source as { title: string }).title}`)
              .join('\n')}`,
          });
        }
      },
    },

    // Runs once per new mention of the bot (e.g. "@modbot rep @user").
    mention: async ({ mentionView, botActions: { createComment } }) => {
      const match = /rep\s+@?([\w.-]+)/i.exec(mentionView.comment.content);
      if (!match) return;

      const session = driver.session({ database: 'reputation', defaultAccessMode: 'READ' });
      const result = await session.run(
        `MATCH (u:User {name: $name})<-[r:REPLIED_HELPFULLY]-(:User)
         RETURN count(r) AS helpful`,
        { name: match[1] },
      );
      await session.close();

      const helpful = result.records[0]?.get('helpful').toNumber() ?? 0;
      await createComment({
        post_id: mentionView.post.id,
        parent_id: mentionView.comment.id,
        content: `${match[1]} has ${helpful} replies marked helpful.`,
      });
    },
  },
});

bot.start();

process.on('SIGTERM', async () => {
  bot.stop();
  await driver.close();
  process.exit(0);
});
