import type { GeckosServer, ServerChannel } from "@geckos.io/server";
import type { Clients } from "./clients.js";

interface MatchState {
  matchId: string;
  scores: Map<string, number>;
}

export function createRoomHandlers(io: GeckosServer, { db, redis }: Clients) {
  // One entry per live match; holds plain state, no connections.
  const matches = new Map<string, MatchState>();

  async function recordKill(matchId: string, killer: string, victim: string) {
    const client = await db.connect();
    try {
      await client.query("BEGIN");
      await client.query("INSERT INTO kills (match_id, killer, victim) VALUES ($1, $2, $3)", [matchId, killer, victim]);
      await client.query("UPDATE players SET kills = kills + 1 WHERE id = $1", [killer]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  }

  return function onConnection(channel: ServerChannel) {
    const { playerId, matchId } = channel.userData as { playerId: string; matchId: string };
    channel.join(matchId);

    let match = matches.get(matchId);
    if (!match) {
      match = { matchId, scores: new Map() };
      matches.set(matchId, match);
    }
    const state = match;

    channel.on("kill", async (data) => {
      const { victim } = data as { victim: string };
      state.scores.set(playerId, (state.scores.get(playerId) ?? 0) + 1);
      await recordKill(matchId, playerId, victim);
      await redis.zincrby(`leaderboard:${matchId}`, 1, playerId);
      io.room(channel.roomId).emit("score", { playerId, score: state.scores.get(playerId) });
    });

    channel.on("chat", (data) => {
      io.room(channel.roomId).emit("chat", { playerId, text: String(data).slice(0, 200) });
    });

    channel.onDisconnect(async () => {
      const room = io.room(channel.roomId);
      room.emit("left", { playerId });
      if (state.scores.size > 0 && (await redis.zcard(`leaderboard:${matchId}`)) === 0) {
        matches.delete(matchId);
      }
    });
  };
}
