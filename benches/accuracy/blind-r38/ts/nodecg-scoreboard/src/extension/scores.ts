import type NodeCG from '@nodecg/types';
import type { Pool } from 'pg';
import type { Redis } from 'ioredis';
import type { BundleConfig, Scoreboard, ScoreEvent } from './types';

type Deps = { pool: Pool; venueRedis: (venue: string) => Redis };

export function registerScoreHandlers(nodecg: NodeCG.ServerAPI<BundleConfig>, deps: Deps): void {
  const scoreboard = nodecg.Replicant<Scoreboard>('scoreboard', {
    defaultValue: { matchId: null, home: { name: 'HOME', score: 0 }, away: { name: 'AWAY', score: 0 }, period: 1 },
  });

  // Fired by the dashboard panel every time the operator presses +1/+2/+3.
  nodecg.listenFor('score:add', async (data: ScoreEvent, ack) => {
    const client = await deps.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'INSERT INTO score_events (match_id, team, points, created_at) VALUES ($1, $2, $3, now())',
        [data.matchId, data.team, data.points],
      );
      await client.query(
        `UPDATE matches SET ${data.team === 'home' ? 'home_score' : 'away_score'} = ${data.team === 'home' ? 'home_score' : 'away_score'} + $2 WHERE id = $1`,
        [data.matchId, data.points],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      nodecg.log.error('score:add failed', err);
      if (ack && !ack.handled) ack(err as Error);
      return;
    } finally {
      client.release();
    }

    const current = scoreboard.value!;
    current[data.team].score += data.points;
    scoreboard.value = { ...current, matchId: data.matchId };

    await deps.venueRedis(data.venue).publish(`venue:${data.venue}:score`, JSON.stringify(scoreboard.value));
    if (ack && !ack.handled) ack(null, scoreboard.value);
  });

  nodecg.listenFor('match:load', async (matchId: string, ack) => {
    const { rows } = await deps.pool.query(
      'SELECT home_name, away_name, home_score, away_score, period FROM matches WHERE id = $1',
      [matchId],
    );
    if (!rows.length) {
      if (ack && !ack.handled) ack(new Error(`match ${matchId} not found`));
      return;
    }
    const m = rows[0];
    scoreboard.value = {
      matchId,
      home: { name: m.home_name, score: m.home_score },
      away: { name: m.away_name, score: m.away_score },
      period: m.period,
    };
    if (ack && !ack.handled) ack(null, scoreboard.value);
  });
}
