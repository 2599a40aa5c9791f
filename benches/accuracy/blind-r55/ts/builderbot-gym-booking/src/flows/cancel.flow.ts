import { addKeyword } from "@builderbot/bot";
import type { BaileysProvider } from "@builderbot/provider-baileys";
import type { PostgreSQLAdapter } from "@builderbot/database-postgres";
import type { Services } from "../services.js";

/** "cancel" conversation: cancels the member's next booking after confirmation. */
export function makeCancelFlow(services: Services) {
  return addKeyword<BaileysProvider, PostgreSQLAdapter>(["cancel"])
    .addAction(async (ctx, { flowDynamic, state, endFlow }) => {
      const { rows } = await services.pool.query<{ id: number; title: string; starts_at: Date }>(
        `SELECT b.id, c.title, c.starts_at FROM bookings b JOIN classes c ON c.id = b.class_id
          WHERE b.member_phone = $1 AND b.cancelled_at IS NULL AND c.starts_at > now()
          ORDER BY c.starts_at LIMIT 1`,
        [ctx.from]
      );
      if (!rows[0]) return endFlow("You have no upcoming bookings.");
      await state.update({ bookingId: rows[0].id });
      await flowDynamic(`Cancel *${rows[0].title}* on ${new Date(rows[0].starts_at).toLocaleString("en-GB")}?`);
    })
    .addAnswer("Reply *yes* to confirm.", { capture: true }, async (ctx, { state, endFlow }) => {
      if (ctx.body.trim().toLowerCase() !== "yes") return endFlow("Okay, your booking stays.");
      const bookingId = state.get("bookingId") as number | undefined;
      if (!bookingId) return endFlow("Send *cancel* to start again.");
      await services.pool.query(
        "UPDATE bookings SET cancelled_at = now() WHERE id = $1 AND member_phone = $2",
        [bookingId, ctx.from]
      );
      await services.invalidateClasses();
      return endFlow("Cancelled. Hope to see you on the wall soon!");
    });
}
