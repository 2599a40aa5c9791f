// Builds the per-room CurrentTrack listener. The pool and redis client are
// created once in main and only referenced here.
export function makeTrackHandler({ pool, redis, room }) {
  return async function onTrack(track) {
    if (!track || !track.title) return

    // Sonos re-emits CurrentTrack on every position update; only log a play once.
    const key = `sonos:lastplay:${room}`
    const fingerprint = `${track.artist ?? ''}|${track.title}|${track.uri ?? ''}`
    const previous = await redis.getset(key, fingerprint)
    if (previous === fingerprint) return
    await redis.expire(key, 6 * 3600)

    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const { rows } = await client.query(
        `INSERT INTO tracks (artist, title, album, uri)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (uri) DO UPDATE SET title = EXCLUDED.title
         RETURNING id`,
        [track.artist ?? null, track.title, track.album ?? null, track.uri ?? null],
      )
      await client.query('INSERT INTO plays (track_id, room, started_at) VALUES ($1, $2, now())', [rows[0].id, room])
      await client.query('COMMIT')
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }
}
