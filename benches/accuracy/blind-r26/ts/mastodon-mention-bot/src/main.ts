import { createRestAPIClient, createStreamingAPIClient, type mastodon } from 'masto';
import { alreadyHandled, isOptedOut, markHandled } from './store.js';
import { archiveStatus, recentTags } from './timeline.js';
import { openGraph, recordFollowEdge, suggestFollows } from './graph.js';

const url = process.env.MASTODON_URL ?? 'https://mastodon.example';
const accessToken = process.env.MASTODON_TOKEN!;

const masto = createRestAPIClient({ url, accessToken });

function stripHtml(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

async function handleMention(notification: mastodon.v1.Notification): Promise<void> {
  const status = notification.status;
  if (!status || (await alreadyHandled(status.id))) return;
  await archiveStatus(status);

  const acct = status.account.acct;
  if (await isOptedOut(acct)) return;

  const text = stripHtml(status.content).toLowerCase();
  if (!text.includes('recs')) return;

  const graph = openGraph();
  for (const m of status.mentions) {
    await recordFollowEdge(graph, acct, m.acct);
  }
  const tags = await recentTags(acct);
  const picks = await suggestFollows(graph, acct, tags);

  const body =
    picks.length > 0
      ? `@${acct} you might enjoy: ${picks.map((p) => '@' + p).join(' ')}`
      : `@${acct} I don't know enough about your network yet, try again next week!`;
  await masto.v1.statuses.create({ status: body, inReplyToId: status.id, visibility: 'direct' });
  await markHandled(status.id, acct);
}

async function main(): Promise<void> {
  const instance = await masto.v2.instance.fetch();
  const streaming = createStreamingAPIClient({
    streamingApiUrl: instance.configuration.urls.streaming,
    accessToken,
  });

  const subscription = streaming.user.notification.subscribe();
  console.log('recs-bot listening on', instance.domain);

  for await (const event of subscription) {
    if (event.event !== 'notification' || event.payload.type !== 'mention') continue;
    try {
      await handleMention(event.payload);
    } catch (err) {
      console.error('mention failed', event.payload.id, err);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
