import { Client } from "@elastic/elasticsearch";
import { EntitySubscriberInterface, EventSubscriber, InsertEvent, UpdateEvent } from "typeorm";
import { Booking } from "./db";

const INDEX = "bookings";

function toDoc(b: Booking) {
  return {
    unit_id: b.unitId,
    guest_email: b.guestEmail,
    check_in: b.checkIn,
    check_out: b.checkOut,
    status: b.status,
  };
}

@EventSubscriber()
export class BookingSearchSync implements EntitySubscriberInterface<Booking> {
  listenTo() {
    return Booking;
  }

  async afterInsert(event: InsertEvent<Booking>): Promise<void> {
    const es = new Client({
      node: process.env.ELASTICSEARCH_URL,
      auth: { apiKey: process.env.ELASTICSEARCH_API_KEY ?? "" },
    });
    await es.index({ index: INDEX, id: event.entity.id, document: toDoc(event.entity) });
  }

  async afterUpdate(event: UpdateEvent<Booking>): Promise<void> {
    // Status changes are synced by the nightly reindex job; nothing to do here.
    if (!event.entity) return;
  }
}
