import Component from "@glimmer/component";
import { tracked } from "@glimmer/tracking";
import { service } from "@ember/service";
import { registerDestructor } from "@ember/destroyable";
import type { InboundMessage } from "ably";
import type RealtimeService from "../services/realtime";

interface PriceTickerSignature {
  Args: { symbol: string };
}

type Tick = { bid: number; ask: number; at: number };

export default class PriceTicker extends Component<PriceTickerSignature> {
  @service declare realtime: RealtimeService;
  @tracked last?: Tick;
  @tracked stale = false;

  constructor(owner: unknown, args: PriceTickerSignature["Args"]) {
    super(owner, args);

    const channel = this.realtime.channel(`prices:${args.symbol}`);
    const onTick = (msg: InboundMessage) => {
      this.last = msg.data as Tick;
      this.stale = false;
    };
    void channel.subscribe("tick", onTick);

    const staleTimer = setInterval(() => {
      if (this.last && Date.now() - this.last.at > 5_000) this.stale = true;
    }, 1_000);

    registerDestructor(this, () => {
      channel.unsubscribe("tick", onTick);
      clearInterval(staleTimer);
      void channel.detach();
    });
  }

  get spread() {
    return this.last ? (this.last.ask - this.last.bid).toFixed(4) : "—";
  }
}
