import http from 'node:http';
import { randomUUID } from 'node:crypto';
import * as mediasoup from 'mediasoup';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeDeps, createDeps, type Deps } from './deps.js';
import { Room } from './room.js';

type Msg = { type: 'join'; roomId: string } | { type: 'createTransport' } | { type: 'leave' };

function handleConnection(worker: mediasoup.types.Worker, deps: Deps, rooms: Map<string, Room>) {
  return (socket: WebSocket) => {
    const peerId = randomUUID();
    let room: Room | undefined;

    socket.on('message', async (raw) => {
      const msg = JSON.parse(raw.toString()) as Msg;
      if (msg.type === 'join') {
        room = rooms.get(msg.roomId);
        if (!room) {
          room = await Room.create(msg.roomId, worker, deps);
          rooms.set(msg.roomId, room);
        }
        await room.join(peerId);
        socket.send(JSON.stringify({ type: 'joined', rtpCapabilities: room.router.rtpCapabilities }));
      } else if (msg.type === 'createTransport' && room) {
        const t = await room.createTransport();
        socket.send(
          JSON.stringify({ type: 'transport', id: t.id, iceParameters: t.iceParameters, iceCandidates: t.iceCandidates, dtlsParameters: t.dtlsParameters }),
        );
      } else if (msg.type === 'leave') {
        socket.close();
      }
    });

    socket.on('close', async () => {
      if (room && (await room.leave(peerId))) {
        rooms.delete(room.id);
        await room.close();
      }
    });
  };
}

async function main() {
  const deps = createDeps();
  const worker = await mediasoup.createWorker({ rtcMinPort: 40000, rtcMaxPort: 40999, logLevel: 'warn' });
  const rooms = new Map<string, Room>();

  const server = http.createServer((_req, res) => res.writeHead(200).end('sfu'));
  const wss = new WebSocketServer({ server, path: '/signal' });
  wss.on('connection', handleConnection(worker, deps, rooms));

  worker.on('died', () => {
    console.error('mediasoup worker died, exiting');
    process.exit(1);
  });

  server.listen(Number(process.env.PORT ?? 4443));

  process.on('SIGTERM', async () => {
    wss.close();
    server.close();
    worker.close();
    await closeDeps(deps);
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
