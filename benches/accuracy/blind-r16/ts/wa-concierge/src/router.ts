import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { Message } from 'whatsapp-web.js';
import { Booking, PatientDocument, Slot } from './models.js';
import { storeDocument } from './storage.js';

const HOURS = 'Mon-Fri 08:00-18:00, Sat 09:00-12:00';

export class MessageRouter {
  async handle(msg: Message): Promise<void> {
    if (msg.fromMe || msg.isStatus) return;
    const text = msg.body.trim().toLowerCase();

    if (msg.hasMedia) return this.saveDocument(msg);
    if (text === 'hours') {
      await msg.reply(`We are open ${HOURS}.`);
      return;
    }
    if (text.startsWith('book ')) return this.book(msg, text.slice(5));
    await msg.reply('Send "hours", "book YYYY-MM-DD HH:mm" or attach a document.');
  }

  private async saveDocument(msg: Message): Promise<void> {
    const media = await msg.downloadMedia();
    if (!media) return;
    const key = `${msg.from}/${randomUUID()}`;
    await storeDocument(key, media.data, media.mimetype);
    await PatientDocument.create({ phone: msg.from, key, mimetype: media.mimetype });
    await msg.reply('Thanks, your document was added to your file.');
  }

  private async book(msg: Message, when: string): Promise<void> {
    const start = new Date(when.replace(' ', 'T') + ':00');
    if (Number.isNaN(start.getTime())) {
      await msg.reply('Please use the format: book 2024-09-14 10:30');
      return;
    }

    const session = await mongoose.startSession();
    try {
      let booked = false;
      await session.withTransaction(async () => {
        const slot = await Slot.findOneAndUpdate({ start, free: true }, { free: false }, { session, new: true });
        if (!slot) return;
        await Booking.create([{ phone: msg.from, slot: start, status: 'confirmed' }], { session });
        booked = true;
      });
      await msg.reply(booked ? `Booked for ${start.toLocaleString('fr-FR')}.` : 'That slot is taken, sorry.');
    } finally {
      await session.endSession();
    }
  }
}
