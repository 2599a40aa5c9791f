import { Schema, model } from 'mongoose';

const assetSchema = new Schema({
  key: { type: String, required: true, unique: true },
  ownerId: { type: String, required: true, index: true },
  variants: [{ width: Number, key: String }],
  status: { type: String, enum: ['pending', 'ready', 'failed'], default: 'pending' },
});

export const Asset = model('Asset', assetSchema);
