import type pg from "pg";
import type Redis from "ioredis";

interface Deps {
  pool: pg.Pool;
  redisFor: (region: string) => Redis;
}

interface PeerClient {
  getId(): string;
  getToken(): string;
}

// Peer ids look like "<region>-agent-<agentId>-<random>" or "<region>-caller-<random>".
function parse(id: string) {
  const [region, role, agentId] = id.split("-");
  return { region, role, agentId: role === "agent" ? agentId : undefined };
}

// Built once in index.ts; the returned handlers run for every peer
// connect / disconnect.
export function makePresenceHandlers({ pool, redisFor }: Deps) {
  return {
    async onConnection(client: PeerClient) {
      const { region, role, agentId } = parse(client.getId());
      if (role !== "agent" || !agentId) return;
      await redisFor(region).sadd(`agents:online:${region}`, client.getId());
      await pool.query(
        "INSERT INTO agent_sessions (agent_id, peer_id, region, connected_at) VALUES ($1, $2, $3, now())",
        [agentId, client.getId(), region]
      );
    },

    async onDisconnect(client: PeerClient) {
      const { region, role } = parse(client.getId());
      if (role !== "agent") return;
      await redisFor(region).srem(`agents:online:${region}`, client.getId());
      await pool.query("UPDATE agent_sessions SET disconnected_at = now() WHERE peer_id = $1", [client.getId()]);
    },
  };
}
