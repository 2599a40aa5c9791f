import { initContract } from "@ts-rest/core";
import { z } from "zod";

const c = initContract();

export const BookingSchema = z.object({
  id: z.string().uuid(),
  unitId: z.string(),
  guestEmail: z.string().email(),
  checkIn: z.string(),
  checkOut: z.string(),
  status: z.enum(["held", "confirmed", "cancelled"]),
});

export const contract = c.router(
  {
    createBooking: {
      method: "POST",
      path: "/bookings",
      body: BookingSchema.pick({ unitId: true, guestEmail: true, checkIn: true, checkOut: true }),
      responses: {
        201: BookingSchema,
        409: z.object({ message: z.string() }),
      },
      summary: "Hold a unit for the given dates",
    },
    getBooking: {
      method: "GET",
      path: "/bookings/:id",
      pathParams: z.object({ id: z.string().uuid() }),
      responses: {
        200: BookingSchema,
        404: z.object({ message: z.string() }),
      },
    },
    occupancyReport: {
      method: "GET",
      path: "/reports/occupancy",
      query: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) }),
      responses: {
        200: z.array(z.object({ unitId: z.string(), nights: z.number() })),
      },
    },
  },
  { pathPrefix: "/v1" },
);
