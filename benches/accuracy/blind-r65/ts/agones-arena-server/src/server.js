'use strict';
const dgram = require('node:dgram');
const AgonesSDK = require('@google-cloud/agones-sdk');
const Redis = require('ioredis');
const { claimSeat, loadProfile, pool } = require('./db');
const { reportMatch } = require('./results');
const { Arena } = require('./arena');

const PORT = Number(process.env.GAME_PORT || 7654);
const REDIS_URL = process.env.LOBBY_REDIS_URL || 'redis://lobby-redis:6379';

const agones = new AgonesSDK();
const socket = dgram.createSocket('udp4');
const arena = new Arena();
let serverName = 'unknown';

function labelValue(gs, key) {
  const labels = (gs.objectMeta && gs.objectMeta.labelsMap) || [];
  const hit = labels.find(([k]) => k === key);
  return hit ? hit[1] : undefined;
}

// Called by the SDK for every change to this GameServer resource
// (Scheduled -> Ready -> Allocated transitions, allocator labels and annotations).
function onGameServerUpdate(gs) {
  serverName = gs.objectMeta.name;
  arena.map = labelValue(gs, 'arena.example.com/map') || arena.map;
  const lobby = new Redis(REDIS_URL);
  lobby
    .hset(`arena:${serverName}`, {
      state: gs.status.state,
      map: arena.map,
      players: arena.playerCount(),
    })
    .then(() => lobby.publish('arena:state', JSON.stringify({ name: serverName, state: gs.status.state })))
    .catch((err) => console.error('lobby update failed', err));
}

socket.on('message', async (buf, rinfo) => {
  const packet = arena.decode(buf);
  if (!packet) return;
  try {
    if (packet.type === 'join') {
      const profile = await loadProfile(packet.playerId);
      if (!profile || !(await claimSeat(packet.playerId, serverName))) return;
      arena.join(packet.playerId, profile, rinfo);
      socket.send(JSON.stringify({ type: 'welcome', map: arena.map }), rinfo.port, rinfo.address);
    } else if (packet.type === 'leave') {
      arena.leave(packet.playerId);
    } else if (packet.type === 'score') {
      arena.addScore(packet.playerId, Number(packet.points) || 0);
    }
  } catch (err) {
    console.error('packet handling failed', err);
  }
});

arena.onMatchEnd(async (match) => {
  try {
    await reportMatch({ ...match, serverName });
  } catch (err) {
    console.error('could not report match', err);
  }
  // reusable game server: go back to the Ready pool for the next allocation
  await agones.ready();
});

async function main() {
  await agones.connect();
  agones.watchGameServer(onGameServerUpdate, (err) => console.error('watch failed', err));

  socket.bind(PORT, async () => {
    await agones.ready();
    console.log(`arena listening on udp/${PORT}`);
  });

  setInterval(() => agones.health(), 2000);
  setInterval(() => arena.tick(Date.now()), 50);

  process.on('SIGTERM', async () => {
    socket.close();
    await pool.end();
    await agones.shutdown();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
