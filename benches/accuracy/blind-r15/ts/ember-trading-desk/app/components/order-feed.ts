import Component from "@glimmer/component";
import { tracked } from "@glimmer/tracking";
import { action } from "@ember/object";
import { service } from "@ember/service";
import type { InboundMessage, RealtimeChannel } from "ably";
import type RealtimeService from "../services/realtime";

interface OrderFeedSignature {
  Args: { desk: string };
}

type Fill = { id: string; symbol: string; qty: number; price: number };

export default class OrderFeed extends Component<OrderFeedSignature> {
  @service declare realtime: RealtimeService;
  @tracked fills: Fill[] = [];
  @tracked paused = false;

  private channel: RealtimeChannel;
  private readonly onFill = (msg: InboundMessage) => {
    if (this.paused) return;
    this.fills = [msg.data as Fill, ...this.fills].slice(0, 100);
  };

  constructor(owner: unknown, args: OrderFeedSignature["Args"]) {
    super(owner, args);
    this.channel = this.realtime.channel(`fills:${args.desk}`);
    void this.channel.subscribe("fill", this.onFill);
  }

  @action togglePause() {
    this.paused = !this.paused;
  }

  willDestroy() {
    super.willDestroy();
    this.channel.unsubscribe("fill", this.onFill);
  }
}
