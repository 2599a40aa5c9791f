import { PutObjectCommand } from '@aws-sdk/client-s3';

function isMotionStart(message) {
  const topic = message?.topic?._ ?? '';
  const items = message?.message?.message?.data?.simpleItem;
  const list = Array.isArray(items) ? items : items ? [items] : [];
  return topic.includes('MotionAlarm') && list.some((i) => i.$?.Value === true || i.$?.Value === 'true');
}

// Built once per camera in main; the returned function runs per ONVIF event.
export function makeEventHandler({ cam, cameraId, pool, s3, bucket }) {
  return async function onEvent(message) {
    if (!isMotionStart(message)) return;

    const snapshotUri = await new Promise((resolve, reject) =>
      cam.getSnapshotUri({}, (err, res) => (err ? reject(err) : resolve(res.uri))),
    );
    const res = await fetch(snapshotUri);
    const jpeg = Buffer.from(await res.arrayBuffer());
    const key = `${cameraId}/${new Date().toISOString()}.jpg`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: jpeg, ContentType: 'image/jpeg' }));

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'INSERT INTO motion_events (camera_id, snapshot_key, seen_at) VALUES ($1, $2, now())',
        [cameraId, key],
      );
      await client.query('UPDATE cameras SET last_motion_at = now() WHERE id = $1', [cameraId]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  };
}
