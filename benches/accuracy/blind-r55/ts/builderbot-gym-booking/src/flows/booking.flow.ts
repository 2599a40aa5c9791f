import { addKeyword } from "@builderbot/bot";
import type { BaileysProvider } from "@builderbot/provider-baileys";
import type { PostgreSQLAdapter } from "@builderbot/database-postgres";
import type { Services } from "../services.js";

const fmt = (d: Date) =>
  new Date(d).toLocaleString("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/**
 * "book" conversation. The factory runs once at start-up; the callbacks
 * below run for each WhatsApp message that reaches this step.
 */
export function makeBookingFlow(services: Services) {
  return addKeyword<BaileysProvider, PostgreSQLAdapter>(["book", "booking", "class"])
    .addAction(async (ctx, { flowDynamic, state }) => {
      const classes = await services.upcomingClasses(5);
      if (classes.length === 0) {
        await flowDynamic("No classes are scheduled right now, check back tomorrow!");
        return;
      }
      await state.update({ offered: classes.map((c) => c.id) });
      await flowDynamic(
        classes.map((c, i) => `${i + 1}. ${c.title} – ${fmt(c.starts_at)} (${c.spots_left} spots)`).join("\n")
      );
    })
    .addAnswer(
      "Reply with the number of the class you want to book.",
      { capture: true },
      async (ctx, { state, fallBack, flowDynamic, endFlow }) => {
        const offered = (state.get("offered") as number[] | undefined) ?? [];
        const choice = Number.parseInt(ctx.body, 10);
        if (!offered.length) return endFlow("Send *book* to start again.");
        if (!Number.isInteger(choice) || choice < 1 || choice > offered.length) {
          return fallBack(`Please send a number between 1 and ${offered.length}.`);
        }

        const classId = offered[choice - 1];
        const client = await services.pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query<{ free: number }>(
            `SELECT c.capacity - count(b.id)::int AS free FROM classes c
               LEFT JOIN bookings b ON b.class_id = c.id AND b.cancelled_at IS NULL
              WHERE c.id = $1 GROUP BY c.id FOR UPDATE OF c`,
            [classId]
          );
          if (!rows[0] || rows[0].free <= 0) {
            await client.query("ROLLBACK");
            return endFlow("Sorry, that class just filled up. Send *book* to pick another one.");
          }
          await client.query(
            "INSERT INTO bookings (class_id, member_phone, member_name) VALUES ($1, $2, $3)",
            [classId, ctx.from, ctx.name ?? null]
          );
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK");
          throw err;
        } finally {
          client.release();
        }

        await services.invalidateClasses();
        await flowDynamic("You're booked! Send *cancel* if you can't make it.");
      }
    );
}
