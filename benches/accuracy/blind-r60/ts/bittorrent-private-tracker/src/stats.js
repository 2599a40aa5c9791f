// Announce events are buffered in memory and written in one statement every
// few seconds instead of one INSERT per announce.
export function makeStatsRecorder(pool) {
  let buffer = [];

  async function flush() {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    const client = await pool.connect();
    try {
      await client.query(
        `INSERT INTO announces (info_hash, peer_addr, event, seen_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])`,
        [batch.map((b) => b.infoHash), batch.map((b) => b.addr), batch.map((b) => b.event), batch.map((b) => b.at)],
      );
    } catch (err) {
      console.error('stats flush failed, dropping batch', err);
    } finally {
      client.release();
    }
  }

  function record(event) {
    return (addr, params) => {
      buffer.push({ infoHash: params.info_hash, addr, event, at: new Date() });
    };
  }

  return { record, flush };
}
