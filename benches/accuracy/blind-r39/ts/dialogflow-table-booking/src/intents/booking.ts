import type { WebhookClient } from "dialogflow-fulfillment";

import { Booking } from "../models/Booking";
import { redis } from "../redis";

const SEATS_PER_SLOT = Number(process.env.SEATS_PER_SLOT ?? 40);

function slotKey(restaurantId: string, startsAt: Date): string {
  const slot = new Date(startsAt);
  slot.setMinutes(slot.getMinutes() < 30 ? 0 : 30, 0, 0);
  return `seats:${restaurantId}:${slot.toISOString()}`;
}

export async function bookTable(agent: WebhookClient): Promise<void> {
  const { restaurant, date, time, people, name, phone } = agent.parameters;
  const startsAt = new Date(`${String(date).slice(0, 10)}T${String(time).slice(11, 19)}`);
  const partySize = Number(people);

  const key = slotKey(restaurant, startsAt);
  const taken = await redis().incrby(key, partySize);
  await redis().expire(key, 60 * 60 * 24 * 14);
  if (taken > SEATS_PER_SLOT) {
    await redis().decrby(key, partySize);
    agent.add(`Sorry, we're fully booked at that time. Would another time work?`);
    return;
  }

  const booking = await Booking.create({
    restaurantId: restaurant,
    guestName: name?.name ?? name,
    phone,
    partySize,
    startsAt,
    dialogflowSession: agent.session,
  });
  agent.setContext({ name: "booking-made", lifespan: 5, parameters: { bookingId: booking.id } });
  agent.add(`You're all set, ${booking.guestName}: a table for ${partySize} at ${startsAt.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}.`);
}

export async function cancelBooking(agent: WebhookClient): Promise<void> {
  const booking = await Booking.findOneAndDelete({ phone: agent.parameters.phone, status: "confirmed", startsAt: { $gt: new Date() } });
  if (!booking) {
    agent.add("I couldn't find an upcoming booking for that number.");
    return;
  }
  await redis().decrby(slotKey(booking.restaurantId, booking.startsAt), booking.partySize);
  agent.add("Your booking has been cancelled.");
}
