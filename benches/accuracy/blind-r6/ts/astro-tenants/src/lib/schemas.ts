import { Schema } from 'mongoose';

export const tenantSchema = new Schema(
  {
    slug: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);

export const projectSchema = new Schema(
  {
    name: { type: String, required: true },
    status: { type: String, enum: ['draft', 'active', 'archived'], default: 'draft' },
    ownerEmail: String,
  },
  { timestamps: true },
);
