import "reflect-metadata";
import { createExpressEndpoints, initServer } from "@ts-rest/express";
import express from "express";
import { contract } from "./contract";
import { AppDataSource, Booking } from "./db";
import { occupancyForMonth, ReportsDataSource } from "./reports";

const s = initServer();

const router = s.router(contract, {
  createBooking: async ({ body }) => {
    const qr = AppDataSource.createQueryRunner();
    await qr.connect();
    await qr.startTransaction("SERIALIZABLE");

    const clash = await qr.manager
      .createQueryBuilder(Booking, "b")
      .where("b.unitId = :unitId", { unitId: body.unitId })
      .andWhere("b.status <> 'cancelled'")
      .andWhere("b.checkIn < :checkOut AND b.checkOut > :checkIn", {
        checkIn: body.checkIn,
        checkOut: body.checkOut,
      })
      .getCount();
    if (clash > 0) {
      await qr.rollbackTransaction();
      return { status: 409, body: { message: "unit already booked for those dates" } };
    }

    const booking = qr.manager.create(Booking, { ...body, status: "held" });
    await qr.manager.save(booking);
    await qr.commitTransaction();
    return { status: 201, body: booking };
  },

  getBooking: async ({ params }) => {
    const booking = await AppDataSource.getRepository(Booking).findOneBy({ id: params.id });
    if (!booking) {
      return { status: 404, body: { message: "not found" } };
    }
    return { status: 200, body: booking };
  },

  occupancyReport: async ({ query }) => {
    return { status: 200, body: await occupancyForMonth(query.month) };
  },
});

async function main() {
  await AppDataSource.initialize();
  await ReportsDataSource.initialize();

  const app = express();
  app.use(express.json());
  createExpressEndpoints(contract, router, app, { responseValidation: false });

  const port = Number(process.env.PORT ?? 8080);
  const server = app.listen(port, () => console.log(`rentals-api on :${port}`));

  process.on("SIGTERM", () => {
    server.close(async () => {
      await Promise.all([AppDataSource.destroy(), ReportsDataSource.destroy()]);
      process.exit(0);
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
