import type { types } from 'mediasoup';
import type { Deps } from './deps.js';

const mediaCodecs: types.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
];

// One Room per classroom session. Holds the mediasoup Router and a reference
// to the shared dependencies; it never opens its own connections.
export class Room {
  private readonly peers = new Set<string>();

  private constructor(
    readonly id: string,
    readonly router: types.Router,
    private readonly deps: Deps,
  ) {}

  static async create(id: string, worker: types.Worker, deps: Deps): Promise<Room> {
    const router = await worker.createRouter({ mediaCodecs });
    return new Room(id, router, deps);
  }

  async join(peerId: string): Promise<void> {
    this.peers.add(peerId);
    await this.deps.pool.query(
      'INSERT INTO attendance (room_id, peer_id, joined_at) VALUES ($1, $2, now())',
      [this.id, peerId],
    );
    await this.deps.redis.publish(`room:${this.id}`, JSON.stringify({ type: 'joined', peerId }));
  }

  async createTransport(): Promise<types.WebRtcTransport> {
    return this.router.createWebRtcTransport({
      listenInfos: [{ protocol: 'udp', ip: '0.0.0.0', announcedAddress: process.env.ANNOUNCED_IP }],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
    });
  }

  async leave(peerId: string): Promise<boolean> {
    this.peers.delete(peerId);
    await this.deps.pool.query(
      'UPDATE attendance SET left_at = now() WHERE room_id = $1 AND peer_id = $2 AND left_at IS NULL',
      [this.id, peerId],
    );
    return this.peers.size === 0;
  }

  async close(): Promise<void> {
    this.router.close();
    const client = await this.deps.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE sessions SET ended_at = now() WHERE room_id = $1', [this.id]);
      await client.query(
        `INSERT INTO session_minutes (room_id, minutes)
         SELECT room_id, sum(extract(epoch FROM left_at - joined_at)) / 60 FROM attendance
         WHERE room_id = $1 GROUP BY room_id`,
        [this.id],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }
}
