import { Sequelize, QueryTypes } from 'sequelize';

// Per-channel counters for the ops dashboard.
const statsDb = new Sequelize(process.env.DATABASE_URL!, {
  dialect: 'postgres',
  logging: false,
});

export async function bumpChannelStats(channelId: string, chars: number): Promise<void> {
  await statsDb.query(
    `insert into channel_stats (channel_id, posts, chars, last_post_at)
     values (:channelId, 1, :chars, now())
     on conflict (channel_id) do update
       set posts = channel_stats.posts + 1,
           chars = channel_stats.chars + excluded.chars,
           last_post_at = now()`,
    { replacements: { channelId, chars }, type: QueryTypes.INSERT },
  );
}

export async function topChannels(limit = 10) {
  return statsDb.query<{ channel_id: string; posts: number }>(
    'select channel_id, posts from channel_stats order by posts desc limit :limit',
    { replacements: { limit }, type: QueryTypes.SELECT },
  );
}
