import { Meteor } from 'meteor/meteor';
import { check, Match } from 'meteor/check';
import { Messages, Rooms } from '../api/messages';
import { archiveFor, redis } from './clients';
import { signAttachmentUpload } from './uploads';

const OrgId = Match.Where((id) => typeof id === 'string' && /^[a-z0-9-]{3,40}$/.test(id));

async function loadRoomForUser(roomId, userId) {
  if (!userId) throw new Meteor.Error('not-authorized');
  const room = await Rooms.findOneAsync({ _id: roomId, members: userId });
  if (!room) throw new Meteor.Error('not-found', 'Room not found');
  return room;
}

Meteor.methods({
  async 'messages.send'(roomId, text) {
    check(roomId, String);
    check(text, Match.Where((t) => typeof t === 'string' && t.length > 0 && t.length <= 4000));
    const room = await loadRoomForUser(roomId, this.userId);

    const id = await Messages.insertAsync({ roomId, text, userId: this.userId, createdAt: new Date() });
    await redis().publish(`room:${roomId}`, JSON.stringify({ id, userId: this.userId }));
    await redis().hincrby(`room-stats:${room.orgId}`, roomId, 1);
    return id;
  },

  async 'rooms.archive'(roomId) {
    check(roomId, String);
    const room = await loadRoomForUser(roomId, this.userId);
    check(room.orgId, OrgId);

    const archive = archiveFor(room.orgId);
    const messages = await Messages.find({ roomId }).fetchAsync();
    for (const message of messages) {
      await archive.insertAsync({ ...message, archivedAt: new Date() });
    }
    await Messages.removeAsync({ roomId });
    await Rooms.updateAsync(roomId, { $set: { archived: true } });
    return messages.length;
  },

  async 'attachments.sign'(roomId, fileName, contentType) {
    check(roomId, String);
    check(fileName, String);
    check(contentType, String);
    await loadRoomForUser(roomId, this.userId);
    return signAttachmentUpload(roomId, fileName, contentType);
  },
});

Meteor.publish('room.messages', async function (roomId) {
  check(roomId, String);
  if (!this.userId) return this.ready();
  const room = await Rooms.findOneAsync({ _id: roomId, members: this.userId });
  if (!room) return this.ready();
  return Messages.find({ roomId }, { sort: { createdAt: -1 }, limit: 100 });
});
