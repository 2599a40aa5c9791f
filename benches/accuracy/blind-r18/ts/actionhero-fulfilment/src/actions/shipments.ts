import { Action, ActionProcessor, api, task } from "actionhero";
import { ObjectId } from "mongodb";
import { carrierCall } from "../initializers/carriers";

interface Shipment {
  _id?: ObjectId;
  orderId: string;
  carrier: string;
  status: "created" | "booked" | "in_transit" | "delivered";
  trackingNumber?: string;
  createdAt: Date;
}

export class ShipmentCreate extends Action {
  constructor() {
    super();
    this.name = "shipment:create";
    this.description = "Create a shipment for an order and queue the carrier pickup";
    this.inputs = {
      orderId: { required: true },
      carrier: { required: true, default: "dhl" },
    };
    this.outputExample = { shipmentId: "665f1c2e8b3e4a0012345678" };
  }

  async run({ params }: ActionProcessor<ShipmentCreate>) {
    const shipments = api.mongo.db.collection<Shipment>("shipments");
    const orders = api.mongo.db.collection("orders");

    // Session comes from the client's shared pool; always ended.
    const session = api.mongo.client.startSession();
    let shipmentId: ObjectId;
    try {
      await session.withTransaction(async () => {
        const inserted = await shipments.insertOne(
          { orderId: params.orderId, carrier: params.carrier, status: "created", createdAt: new Date() },
          { session },
        );
        shipmentId = inserted.insertedId;
        await orders.updateOne({ _id: params.orderId }, { $set: { fulfilment: "shipment_created" } }, { session });
      });
    } finally {
      await session.endSession();
    }

    await task.enqueue("bookPickup", { shipmentId: shipmentId.toHexString() }, "carriers");
    return { shipmentId: shipmentId.toHexString() };
  }
}

export class ShipmentTrack extends Action {
  constructor() {
    super();
    this.name = "shipment:track";
    this.description = "Current tracking status of a shipment (cached for 2 minutes)";
    this.inputs = { trackingNumber: { required: true } };
    this.outputExample = { status: "in_transit", events: [] };
  }

  async run({ params }: ActionProcessor<ShipmentTrack>) {
    // Actionhero's own managed redis connection, opened once by its redis initializer.
    const redis = api.redis.clients.client;
    const key = `tracking:${params.trackingNumber}`;

    const cached = await redis.get(key);
    if (cached) return JSON.parse(cached);

    const tracking = await carrierCall<{ status: string; events: unknown[] }>(
      "GET",
      `/v2/tracking/${encodeURIComponent(params.trackingNumber)}`,
    );
    await redis.set(key, JSON.stringify(tracking), "EX", 120);
    return tracking;
  }
}
