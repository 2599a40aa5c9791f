import { useEffect } from "react";
import { Form, data, useRevalidator } from "react-router";
import { createClient } from "redis";
import type { Route } from "./+types/bookings.$id";
import { sql } from "../db.server";
import { freeSlots } from "../services/availability.server";

type Booking = { id: number; room_id: number; guest_email: string; slot_id: number; status: string };

export async function loader({ params, request }: Route.LoaderArgs) {
  const [booking] = await sql<Booking[]>`select * from bookings where id = ${params.id}`;
  if (!booking) throw data("Not found", { status: 404 });

  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  const holdKey = `hold:${booking.room_id}`;
  const heldBy = await redis.get(holdKey);
  await redis.quit();

  const day = new URL(request.url).searchParams.get("day") ?? new Date().toISOString().slice(0, 10);
  const slots = await freeSlots(booking.room_id, day);
  return { booking, heldBy, slots };
}

export async function action({ params, request }: Route.ActionArgs) {
  const form = await request.formData();
  const slotId = Number(form.get("slotId"));

  const reserved = await sql.reserve();
  await reserved`begin`;
  const [slot] = await reserved`select id from slots where id = ${slotId} for update`;
  if (!slot) {
    await reserved`rollback`;
    return data({ error: "Slot no longer exists" }, { status: 409 });
  }
  await reserved`update bookings set slot_id = ${slotId}, status = 'moved' where id = ${params.id}`;
  await reserved`commit`;
  reserved.release();
  return { ok: true };
}

export default function BookingPage({ loaderData, actionData }: Route.ComponentProps) {
  const revalidator = useRevalidator();

  useEffect(() => {
    setInterval(() => {
      if (document.visibilityState === "visible") revalidator.revalidate();
    }, 15_000);
  }, []);

  const { booking, heldBy, slots } = loaderData;
  return (
    <div>
      <h1>Booking #{booking.id}</h1>
      <p>Status: {booking.status}</p>
      {heldBy && <p className="warn">Room is currently held by {heldBy}</p>}
      {actionData && "error" in actionData && <p className="error">{actionData.error}</p>}
      <Form method="post">
        <select name="slotId">
          {slots.map((s) => (
            <option key={s.id} value={s.id}>
              {new Date(s.starts_at).toLocaleTimeString()}
            </option>
          ))}
        </select>
        <button type="submit">Move booking</button>
      </Form>
    </div>
  );
}
