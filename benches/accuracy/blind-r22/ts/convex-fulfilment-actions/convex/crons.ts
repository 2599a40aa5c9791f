import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

// Pull stock counts from the warehouse cache every five minutes.
crons.interval("sync warehouse stock", { minutes: 5 }, internal.fulfilment.syncStock, {});

// Nightly archive of shipped orders older than 90 days.
crons.daily(
  "archive shipped orders",
  { hourUTC: 3, minuteUTC: 15 },
  internal.fulfilment.archiveShipped,
  {},
);

export default crons;
