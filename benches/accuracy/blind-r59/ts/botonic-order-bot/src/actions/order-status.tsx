import React from "react";
import { Button, Reply, Text } from "@botonic/react";
import { getDb, findOrder } from "../db";
import { CachedLookup, countLookups, getCachedLookup, putCachedLookup } from "../cache";

const ORDER_RE = /\b([A-Z]{2}-\d{6})\b/i;

interface Props {
  lookup?: CachedLookup;
  tooMany?: boolean;
  askForNumber?: boolean;
}

function trackingUrl(carrier: string | null, code: string | null): string | undefined {
  if (!carrier || !code) return undefined;
  return `https://track.example-carriers.com/${encodeURIComponent(carrier)}/${encodeURIComponent(code)}`;
}

export default class OrderStatus extends React.Component<Props> {
  static async botonicInit({ input, session }: any): Promise<Props> {
    const match = ORDER_RE.exec(input.data ?? "");
    if (!match) return { askForNumber: true };
    const orderNumber = match[1].toUpperCase();
    const userId: string = session.user.id;

    if ((await countLookups(userId)) > 20) return { tooMany: true };
    const cached = await getCachedLookup(userId, orderNumber);
    if (cached) return { lookup: cached };

    const db = await getDb();
    try {
      const order = await findOrder(db, orderNumber, session.user.extra_data?.email ?? "");
      if (!order) return { lookup: { orderNumber, status: "not_found" } };
      const lookup: CachedLookup = {
        orderNumber,
        status: order.status,
        trackingUrl: trackingUrl(order.carrier, order.tracking_code),
      };
      await putCachedLookup(userId, lookup);
      return { lookup };
    } finally {
      await db.end();
    }
  }

  render() {
    const { lookup, tooMany, askForNumber } = this.props;
    if (askForNumber) return <Text>Sure! What is your order number? It looks like AB-123456.</Text>;
    if (tooMany) return <Text>You have checked a lot of orders. Let me get a human to help.</Text>;
    if (!lookup || lookup.status === "not_found") {
      return (
        <Text>
          I couldn't find that order for your account.
          <Reply payload="HANDOFF">Talk to an agent</Reply>
        </Text>
      );
    }
    return (
      <Text>
        Order {lookup.orderNumber} is {lookup.status}.
        {lookup.trackingUrl && <Button url={lookup.trackingUrl}>Track parcel</Button>}
      </Text>
    );
  }
}
