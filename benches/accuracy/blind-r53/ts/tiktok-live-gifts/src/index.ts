import { WebcastPushConnection } from 'tiktok-live-connector';
import { addDiamonds, closeLeaderboard, rankOf, top } from './leaderboard';
import { closeAlerts, likeMilestone, pushAlert } from './alerts';
import { archiveGift, diamondsOf, GiftEvent, isFinal } from './gifts';

const username = process.env.TIKTOK_USERNAME ?? 'northwind.live';
const showId = process.env.SHOW_ID ?? new Date().toISOString().slice(0, 10);

const live = new WebcastPushConnection(username, {
  processInitialData: false,
  enableExtendedGiftInfo: true,
  requestPollingIntervalMs: 2000,
});

live.on('gift', async (data: GiftEvent) => {
  if (!isFinal(data)) return;
  const diamonds = diamondsOf(data);
  try {
    await Promise.all([
      addDiamonds(showId, data.uniqueId, data.nickname, diamonds),
      pushAlert(showId, {
        kind: 'gift',
        user: data.nickname,
        text: `${data.nickname} sent ${data.repeatCount}x ${data.giftName}`,
        imageUrl: data.giftPictureUrl,
      }),
      archiveGift(showId, data),
    ]);
  } catch (err) {
    console.error('[gift] handling failed', err);
  }
});

live.on('chat', async (data: { uniqueId: string; nickname: string; comment: string }) => {
  const cmd = data.comment.trim().toLowerCase();
  if (cmd === '!rank') {
    const rank = await rankOf(showId, data.uniqueId);
    console.log(`[chat] ${data.nickname} rank: ${rank ?? 'unranked'}`);
  } else if (cmd === '!top') {
    const board = await top(showId, 3);
    console.log('[chat] top:', board.map((b) => `${b.name} (${b.diamonds})`).join(', '));
  }
});

live.on('follow', (data: { uniqueId: string; nickname: string }) => {
  pushAlert(showId, { kind: 'follow', user: data.nickname, text: `${data.nickname} followed!` }).catch(console.error);
});

live.on('like', (data: { totalLikeCount: number }) => {
  likeMilestone(showId, data.totalLikeCount).catch(console.error);
});

live.on('streamEnd', async () => {
  console.log('[live] stream ended');
  await Promise.all([closeLeaderboard(), closeAlerts()]);
  process.exit(0);
});

live
  .connect()
  .then((state: { roomId: string }) => console.log(`[live] connected to room ${state.roomId} as show ${showId}`))
  .catch((err: unknown) => {
    console.error('[live] failed to connect', err);
    process.exit(1);
  });
