import { Task, api, log } from "actionhero";
import { carrierCall } from "../initializers/carriers";

export class RefreshTracking extends Task {
  constructor() {
    super();
    this.name = "refreshTracking";
    this.description = "Every 5 minutes, pull tracking updates for shipments in transit";
    this.frequency = 5 * 60 * 1000;
    this.queue = "default";
  }

  async run() {
    const shipments = api.mongo.db.collection("shipments");
    const open = await shipments
      .find({ status: { $in: ["booked", "in_transit"] } })
      .project({ trackingNumber: 1 })
      .limit(200)
      .toArray();

    for (const s of open) {
      const t = await carrierCall<{ status: string }>("GET", `/v2/tracking/${s.trackingNumber}`);
      if (t.status === "delivered" || t.status === "in_transit") {
        await shipments.updateOne({ _id: s._id }, { $set: { status: t.status, checkedAt: new Date() } });
      }
    }
    log(`refreshed ${open.length} shipments`, "info");
  }
}
