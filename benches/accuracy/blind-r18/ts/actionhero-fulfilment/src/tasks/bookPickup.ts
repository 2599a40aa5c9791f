import { Task, api, log } from "actionhero";
import { ObjectId } from "mongodb";
import { carrierCall } from "../initializers/carriers";

export class BookPickup extends Task {
  constructor() {
    super();
    this.name = "bookPickup";
    this.description = "Book a pickup with the carrier for a freshly created shipment";
    this.frequency = 0;
    this.queue = "carriers";
  }

  async run(params: { shipmentId: string }) {
    const shipments = api.mongo.db.collection("shipments");
    const shipment = await shipments.findOne({ _id: new ObjectId(params.shipmentId) });
    if (!shipment || shipment.status !== "created") return;

    const booking = await carrierCall<{ trackingNumber: string }>("POST", "/v2/pickups", {
      carrier: shipment.carrier,
      reference: shipment.orderId,
    });

    await shipments.updateOne(
      { _id: shipment._id },
      { $set: { status: "booked", trackingNumber: booking.trackingNumber } },
    );
    log(`pickup booked for ${params.shipmentId}`, "info");
  }
}
