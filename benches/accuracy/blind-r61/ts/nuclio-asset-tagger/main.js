'use strict';

const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const { MongoClient } = require('mongodb');
const { makeRedis } = require('./lib/cache');
const { deriveTags } = require('./lib/tags');

// Loaded once per worker when the function container starts.
const s3 = new S3Client({
  endpoint: process.env.S3_ENDPOINT,
  region: 'us-east-1',
  forcePathStyle: true,
});

function parseEvent(event) {
  const payload = JSON.parse(event.body.toString());
  // MinIO bucket notification (via Kafka) or a manual re-tag call over HTTP.
  if (payload.Records) {
    const rec = payload.Records[0];
    return { bucket: rec.s3.bucket.name, key: decodeURIComponent(rec.s3.object.key) };
  }
  return { bucket: payload.bucket, key: payload.key };
}

async function tagAsset(context, event) {
  const { bucket, key } = parseEvent(event);

  const redis = makeRedis();
  const fresh = await redis.set(`tagged:${bucket}:${key}`, '1', 'EX', 3600, 'NX');
  if (fresh === null) {
    redis.disconnect();
    return { status: 'skipped', key };
  }

  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const body = Buffer.from(await object.Body.transformToByteArray());
  const tags = await deriveTags(key, body);

  const mongo = new MongoClient(process.env.MONGO_URL, { appName: 'asset-tagger' });
  await mongo.connect();
  try {
    await mongo
      .db('catalogue')
      .collection('assets')
      .updateOne(
        { bucket, key },
        { $set: { tags, size: object.ContentLength, taggedAt: new Date() } },
        { upsert: true },
      );
  } finally {
    await mongo.close();
  }
  redis.disconnect();
  context.logger.infoWith('tagged asset', { bucket, key, tags: tags.length });
  return { status: 'tagged', key, tags };
}

// Nuclio calls this for every trigger event (each HTTP request, each Kafka message).
exports.handler = function handler(context, event) {
  tagAsset(context, event)
    .then((result) =>
      context.callback(
        new context.Response(JSON.stringify(result), {}, 'application/json', 200),
      ),
    )
    .catch((err) => {
      context.logger.error(`tagging failed: ${err.message}`);
      context.callback(new context.Response(err.message, {}, 'text/plain', 500));
    });
};
