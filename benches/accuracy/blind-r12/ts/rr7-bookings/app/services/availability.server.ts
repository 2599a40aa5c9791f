import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL!, { max: 5 });

export interface Slot {
  id: number;
  room_id: number;
  starts_at: Date;
  ends_at: Date;
}

export async function freeSlots(roomId: number, day: string): Promise<Slot[]> {
  return sql<Slot[]>`
    select s.id, s.room_id, s.starts_at, s.ends_at
    from slots s
    where s.room_id = ${roomId}
      and s.starts_at::date = ${day}::date
      and not exists (select 1 from bookings b where b.slot_id = s.id and b.cancelled_at is null)
    order by s.starts_at
  `;
}
