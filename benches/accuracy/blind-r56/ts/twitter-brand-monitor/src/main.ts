import { ETwitterStreamEvent, TweetV2SingleStreamResult, TwitterApi } from 'twitter-api-v2';
import { db } from './db.js';
import { bumpLeaderboard } from './leaderboard.js';
import { saveTweet } from './store.js';

const RULES = [
  { value: '(acme OR @acmehq) -is:retweet lang:en', tag: 'brand' },
  { value: '#acmeoutage OR (acme down)', tag: 'incident' },
  { value: 'from:acmehq', tag: 'own' },
];

const twitter = new TwitterApi(process.env.TWITTER_BEARER_TOKEN!);

async function syncRules(): Promise<void> {
  const current = await twitter.v2.streamRules();
  const wanted = new Set(RULES.map((r) => r.value));
  const stale = (current.data ?? []).filter((r) => !wanted.has(r.value)).map((r) => r.id);
  if (stale.length) await twitter.v2.updateStreamRules({ delete: { ids: stale } });
  const existing = new Set((current.data ?? []).map((r) => r.value));
  const missing = RULES.filter((r) => !existing.has(r.value));
  if (missing.length) await twitter.v2.updateStreamRules({ add: missing });
}

async function onTweet(event: TweetV2SingleStreamResult): Promise<void> {
  const tags = event.matching_rules.map((r) => r.tag);
  const author = event.includes?.users?.find((u) => u.id === event.data.author_id);

  await saveTweet({
    id: event.data.id,
    text: event.data.text,
    authorId: event.data.author_id ?? 'unknown',
    authorHandle: author?.username ?? null,
    createdAt: event.data.created_at ? new Date(event.data.created_at) : new Date(),
    tags,
    metrics: event.data.public_metrics ?? null,
  });

  if (tags.includes('incident')) {
    await db.query(
      `INSERT INTO incident_signals (tweet_id, author_id, body) VALUES ($1, $2, $3)
       ON CONFLICT (tweet_id) DO NOTHING`,
      [event.data.id, event.data.author_id, event.data.text],
    );
  }
  if (author && tags.includes('brand')) {
    await bumpLeaderboard(author.username, author.public_metrics?.followers_count ?? 0);
  }
}

async function main(): Promise<void> {
  await syncRules();
  const stream = await twitter.v2.searchStream({
    'tweet.fields': ['author_id', 'created_at', 'public_metrics', 'lang'],
    'user.fields': ['username', 'public_metrics'],
    expansions: ['author_id'],
    autoConnect: true,
  });
  stream.autoReconnect = true;
  stream.autoReconnectRetries = Infinity;

  stream.on(ETwitterStreamEvent.Data, (event) => {
    onTweet(event).catch((err) => console.error('tweet handling failed', event.data.id, err));
  });
  stream.on(ETwitterStreamEvent.ConnectionError, (err) => console.warn('stream error', err));
  stream.on(ETwitterStreamEvent.Reconnected, () => console.info('stream reconnected'));
  stream.on(ETwitterStreamEvent.DataKeepAlive, () => {});

  const shutdown = async () => {
    stream.close();
    await db.end();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
