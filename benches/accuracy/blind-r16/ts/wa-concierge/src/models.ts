import mongoose, { Schema } from 'mongoose';

const bookingSchema = new Schema(
  {
    phone: { type: String, required: true, index: true },
    slot: { type: Date, required: true },
    status: { type: String, enum: ['held', 'confirmed', 'cancelled'], default: 'held' },
  },
  { timestamps: true },
);
bookingSchema.index({ slot: 1 }, { unique: true, partialFilterExpression: { status: { $ne: 'cancelled' } } });

const slotSchema = new Schema({
  start: { type: Date, required: true, unique: true },
  free: { type: Boolean, default: true },
});

const documentSchema = new Schema(
  {
    phone: { type: String, required: true, index: true },
    key: { type: String, required: true },
    mimetype: String,
  },
  { timestamps: true },
);

export const Booking = mongoose.model('Booking', bookingSchema);
export const Slot = mongoose.model('Slot', slotSchema);
export const PatientDocument = mongoose.model('PatientDocument', documentSchema);
