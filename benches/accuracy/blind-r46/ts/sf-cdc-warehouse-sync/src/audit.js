import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
  appName: 'sf-cdc-audit',
});

const changes = client.db('crm_sync').collection('change_audit');

export async function recordChange(entity, header, payload) {
  await changes.insertOne({
    entity,
    changeType: header.changeType,
    recordIds: header.recordIds,
    commitUser: header.commitUser,
    commitTimestamp: new Date(header.commitTimestamp),
    changedFields: header.changedFields ?? [],
    payload,
    receivedAt: new Date(),
  });
}
