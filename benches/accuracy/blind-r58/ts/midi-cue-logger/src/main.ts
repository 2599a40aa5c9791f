import 'dotenv/config';
import easymidi from 'easymidi';
import { currentRehearsal, findCueForPad, pool } from './db.js';
import { closeStats, flushFaders, recordFader } from './stats.js';

const PRODUCTION_ID = Number(process.env.PRODUCTION_ID ?? '1');
const DEVICE_HINT = process.env.MIDI_DEVICE ?? 'APC mini';

function pickInput(): easymidi.Input {
  const names = easymidi.getInputs();
  const name = names.find((n) => n.includes(DEVICE_HINT));
  if (!name) {
    throw new Error(`MIDI device "${DEVICE_HINT}" not found; available: ${names.join(', ') || 'none'}`);
  }
  console.log(`[midi] listening on ${name}`);
  return new easymidi.Input(name);
}

async function main(): Promise<void> {
  const rehearsalId = await currentRehearsal(PRODUCTION_ID);
  const input = pickInput();

  // Pad press = "cue GO" called by the stage manager.
  input.on('noteon', async (msg) => {
    if (msg.velocity === 0) return; // note-off sent as note-on with velocity 0
    try {
      const client = await pool.connect();
      const cue = await findCueForPad(client, PRODUCTION_ID, msg.note);
      if (!cue) {
        console.warn(`[cue] pad ${msg.note} is not mapped`);
        return;
      }
      await client.query(
        `insert into cue_calls (rehearsal_id, cue_id, called_at, velocity)
         values ($1, $2, now(), $3)`,
        [rehearsalId, cue.id, msg.velocity],
      );
      await client.query(
        `update cues set last_called_at = now(), call_count = call_count + 1 where id = $1`,
        [cue.id],
      );
      client.release();
      console.log(`[cue] ${cue.department} ${cue.cue_number} GO`);
    } catch (err) {
      console.error('[cue] failed to log cue', err);
    }
  });

  // Faders: buffered and written in batches.
  input.on('cc', (msg) => {
    recordFader(rehearsalId, msg.channel, msg.controller, msg.value);
  });

  const timer = setInterval(() => {
    flushFaders().catch((err) => console.error('[stats] flush failed', err.message));
  }, 2_000);

  const shutdown = async () => {
    clearInterval(timer);
    input.close();
    await closeStats();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
