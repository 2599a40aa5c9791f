import React from "react";
import Redis from "ioredis";
import { Text } from "@botonic/react";
import { humanHandOff } from "@botonic/core";

const queueStats = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");

const QUEUES = {
  orders: process.env.HUBTYPE_ORDERS_QUEUE_ID ?? "",
  general: process.env.HUBTYPE_GENERAL_QUEUE_ID ?? "",
};

interface Props {
  position: number;
  outOfHours: boolean;
}

function isOpen(now: Date): boolean {
  const day = now.getUTCDay();
  const hour = now.getUTCHours();
  return day >= 1 && day <= 5 && hour >= 8 && hour < 18;
}

export default class Handoff extends React.Component<Props> {
  static async botonicInit({ session, lastRoutePath }: any): Promise<Props> {
    if (!isOpen(new Date())) return { position: 0, outOfHours: true };
    const queueId = lastRoutePath === "order-status" ? QUEUES.orders : QUEUES.general;
    const position = await queueStats.incr(`handoff:waiting:${queueId}`);
    await humanHandOff(session, queueId, { path: "after-handoff" });
    return { position, outOfHours: false };
  }

  render() {
    if (this.props.outOfHours) {
      return <Text>Our team is available Monday to Friday, 8:00-18:00 UTC. Leave a message and we'll reply.</Text>;
    }
    return <Text>Connecting you to an agent. You are number {this.props.position} in the queue.</Text>;
  }
}
