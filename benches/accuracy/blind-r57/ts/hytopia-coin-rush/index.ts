import {
  startServer,
  Audio,
  ColliderShape,
  DefaultPlayerEntity,
  Entity,
  PlayerEntity,
  PlayerEvent,
  RigidBodyType,
  World,
} from 'hytopia';
import Redis from 'ioredis';
import worldMap from './assets/map.json';
import { REDIS_URL, addCoin, currentScore, saveRun, topTen } from './src/persistence';

const ROUND_ID = process.env.COINRUSH_ROUND ?? new Date().toISOString().slice(0, 13);
const COIN_SPOTS = [
  { x: 4, y: 3, z: -6 }, { x: -8, y: 5, z: 2 }, { x: 12, y: 2, z: 9 },
  { x: -3, y: 7, z: -14 }, { x: 0, y: 4, z: 15 }, { x: 16, y: 6, z: -2 },
];

const joinedAt = new Map<string, Date>();

function spawnCoin(world: World, spot: { x: number; y: number; z: number }): void {
  const coin = new Entity({
    name: 'Coin',
    modelUri: 'models/items/gold-coin.gltf',
    modelScale: 0.6,
    rigidBodyOptions: {
      type: RigidBodyType.KINEMATIC_POSITION,
      colliders: [
        {
          shape: ColliderShape.BALL,
          radius: 0.7,
          isSensor: true,
          onCollision: (other, started) => {
            if (!started || !(other instanceof PlayerEntity) || !coin.isSpawned) return;
            const player = other.player;
            coin.despawn();
            addCoin(ROUND_ID, player.id, 1)
              .then((total) => world.chatManager.sendPlayerMessage(player, `Coins: ${total}`, 'FFD700'))
              .catch((err) => console.error('addCoin failed', err));
            setTimeout(() => spawnCoin(world, spot), 8_000);
          },
        },
      ],
    },
  });
  coin.spawn(world, spot);
}

startServer((world) => {
  world.loadMap(worldMap);
  COIN_SPOTS.forEach((spot) => spawnCoin(world, spot));

  world.on(PlayerEvent.JOINED_WORLD, ({ player }) => {
    joinedAt.set(player.id, new Date());
    const playerEntity = new DefaultPlayerEntity({ player, name: player.username });
    playerEntity.spawn(world, { x: 0, y: 10, z: 0 });
    world.chatManager.sendPlayerMessage(player, 'Grab the coins! /top shows the all-time board.', '00FF88');

    // server-wide announcements (round end, events) pushed by the ops dashboard
    const announcements = new Redis(REDIS_URL);
    announcements.subscribe('coinrush:announcements').catch((err) => console.error(err));
    announcements.on('message', (_channel, text) => {
      world.chatManager.sendPlayerMessage(player, `[ops] ${text}`, 'FF8800');
    });
  });

  world.on(PlayerEvent.LEFT_WORLD, async ({ player }) => {
    world.entityManager.getPlayerEntitiesByPlayer(player).forEach((entity) => entity.despawn());
    const score = await currentScore(ROUND_ID, player.id);
    await saveRun({
      playerId: player.id,
      username: player.username,
      roundId: ROUND_ID,
      score,
      joinedAt: joinedAt.get(player.id) ?? new Date(),
    });
    joinedAt.delete(player.id);
  });

  world.chatManager.registerCommand('/top', async (player) => {
    const board = await topTen();
    board.forEach((row, i) => {
      world.chatManager.sendPlayerMessage(player, `${i + 1}. ${row.username} — ${row.score}`, 'FFFFFF');
    });
  });

  new Audio({ uri: 'audio/music/hytopia-main.mp3', loop: true, volume: 0.1 }).play(world);
});
