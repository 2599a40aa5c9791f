import { DI, IEventAggregator, resolve } from "aurelia";

export interface OrderEvent {
  id: string;
  status: "placed" | "picked" | "shipped";
  at: string;
}

export const IFeedService = DI.createInterface<IFeedService>("IFeedService", (x) => x.singleton(FeedService));
export type IFeedService = FeedService;

// App-wide singleton: one WebSocket for the whole board, events fanned out over the aggregator.
export class FeedService {
  private readonly ea = resolve(IEventAggregator);
  private socket: WebSocket | null = null;
  private retry = 0;

  start(): void {
    if (this.socket) return;
    this.socket = new WebSocket(`${location.origin.replace(/^http/, "ws")}/feed`);
    this.socket.onmessage = (msg) => this.ea.publish("order", JSON.parse(msg.data) as OrderEvent);
    this.socket.onopen = () => (this.retry = 0);
    this.socket.onclose = () => {
      this.socket = null;
      setTimeout(() => this.start(), Math.min(30_000, 1000 * 2 ** this.retry++));
    };
  }
}
