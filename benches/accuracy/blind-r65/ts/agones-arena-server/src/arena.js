'use strict';

const ROUND_MS = 5 * 60 * 1000;

class Arena {
  constructor() {
    this.players = new Map();
    this.scores = new Map();
    this.map = 'default';
    this.startedAt = null;
    this.endHandler = null;
  }

  decode(buf) {
    try {
      const packet = JSON.parse(buf.toString('utf8'));
      return typeof packet.type === 'string' ? packet : null;
    } catch {
      return null;
    }
  }

  playerCount() {
    return this.players.size;
  }

  join(playerId, profile, rinfo) {
    if (this.startedAt === null) this.startedAt = new Date();
    this.players.set(playerId, { profile, address: rinfo.address, port: rinfo.port });
    if (!this.scores.has(playerId)) this.scores.set(playerId, 0);
  }

  leave(playerId) {
    this.players.delete(playerId);
  }

  addScore(playerId, points) {
    if (!this.players.has(playerId)) return;
    this.scores.set(playerId, (this.scores.get(playerId) || 0) + points);
  }

  onMatchEnd(handler) {
    this.endHandler = handler;
  }

  tick(now) {
    if (this.startedAt === null) return;
    if (now - this.startedAt.getTime() < ROUND_MS && this.players.size > 0) return;
    const finished = { map: this.map, startedAt: this.startedAt, scores: [...this.scores] };
    this.players.clear();
    this.scores.clear();
    this.startedAt = null;
    if (this.endHandler) this.endHandler(finished);
  }
}

module.exports = { Arena };
