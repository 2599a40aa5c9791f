import { Meteor } from 'meteor/meteor';
import { Messages } from '/imports/api/messages';
import { redis } from '/imports/server/clients';
import '/imports/server/methods';

Meteor.startup(async () => {
  await Messages.createIndexAsync({ roomId: 1, createdAt: -1 });
  const pong = await redis().ping();
  console.log(`redis ${pong}`);
});
