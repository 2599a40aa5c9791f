import pg from 'pg';

export interface TranscriptLine {
  callId: string;
  speaker: string;
  text: string;
  at: Date;
}

// Small data-access helper for the call_* tables.
export function createCallStore() {
  const pool = new pg.Pool({
    connectionString: process.env.CALLS_DATABASE_URL,
    max: 5,
    idleTimeoutMillis: 30_000,
  });

  return {
    async startCall(callId: string, room: string, agentName: string) {
      await pool.query(
        `INSERT INTO call_sessions (id, room, agent, started_at)
         VALUES ($1, $2, $3, now())
         ON CONFLICT (id) DO NOTHING`,
        [callId, room, agentName],
      );
    },

    async saveTranscript(line: TranscriptLine) {
      await pool.query(
        `INSERT INTO call_transcripts (call_id, speaker, body, spoken_at)
         VALUES ($1, $2, $3, $4)`,
        [line.callId, line.speaker, line.text, line.at],
      );
    },

    async endCall(callId: string, recordingKey: string | null) {
      await pool.query(
        `UPDATE call_sessions SET ended_at = now(), recording_key = $2 WHERE id = $1`,
        [callId, recordingKey],
      );
    },
  };
}

export type CallStore = ReturnType<typeof createCallStore>;
