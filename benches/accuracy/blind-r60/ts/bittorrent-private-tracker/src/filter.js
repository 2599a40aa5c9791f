// Builds the tracker's `filter` option. bittorrent-tracker calls it for every
// announce; it must call cb(null) to allow or cb(err) to reject.
export function makeFilter({ pool, redis }) {
  return function filter(infoHash, params, cb) {
    checkAnnounce(pool, redis, infoHash, params).then(
      () => cb(null),
      (err) => cb(err),
    );
  };
}

async function checkAnnounce(pool, redis, infoHash, params) {
  const passkey = params.passkey; // extra query string parameter on the announce URL
  if (!passkey) throw new Error('missing passkey');

  const cacheKey = `tracker:allow:${passkey}:${infoHash}`;
  if ((await redis.get(cacheKey)) === '1') return;

  const { rows } = await pool.query(
    `SELECT 1
       FROM torrents t
       JOIN members m ON m.passkey = $1 AND m.enabled
      WHERE t.info_hash = $2 AND t.approved`,
    [passkey, infoHash],
  );
  if (rows.length === 0) throw new Error('torrent not registered or passkey revoked');
  await redis.set(cacheKey, '1', 'EX', 300);
}
