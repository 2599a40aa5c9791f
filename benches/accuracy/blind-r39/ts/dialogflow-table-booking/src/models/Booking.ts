import { Schema, model, type InferSchemaType } from "mongoose";

import { bookingsIndex } from "../search";

const BookingSchema = new Schema(
  {
    restaurantId: { type: String, required: true, index: true },
    guestName: { type: String, required: true },
    phone: { type: String, required: true },
    partySize: { type: Number, required: true, min: 1, max: 20 },
    startsAt: { type: Date, required: true },
    status: { type: String, enum: ["confirmed", "cancelled"], default: "confirmed" },
    dialogflowSession: { type: String },
  },
  { timestamps: true },
);

// Runs for every saved booking; pushes it to the staff search UI.
BookingSchema.post("save", async function (doc) {
  await bookingsIndex.addDocuments(
    [
      {
        id: doc._id.toString(),
        restaurantId: doc.restaurantId,
        guestName: doc.guestName,
        phone: doc.phone,
        partySize: doc.partySize,
        startsAt: doc.startsAt.toISOString(),
        status: doc.status,
      },
    ],
    { primaryKey: "id" },
  );
});

BookingSchema.post("findOneAndDelete", async function (doc) {
  if (doc) await bookingsIndex.deleteDocument(doc._id.toString());
});

export type BookingDoc = InferSchemaType<typeof BookingSchema>;
export const Booking = model("Booking", BookingSchema);
