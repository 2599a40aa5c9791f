import { IEventAggregator, bindable, customElement, resolve, type IDisposable } from "aurelia";
import { IFeedService, type OrderEvent } from "./feed-service";

@customElement({
  name: "live-orders",
  template: `<h2>Orders (\${online ? 'live' : 'offline'})</h2>
<ul><li repeat.for="o of orders">\${o.id} — \${o.status} at \${o.at}</li></ul>
<p>Last refresh: \${lastRefresh}</p>`,
})
export class LiveOrders {
  @bindable warehouse = "main";
  orders: OrderEvent[] = [];
  online = navigator.onLine;
  lastRefresh = "";

  private readonly ea = resolve(IEventAggregator);
  private readonly feed = resolve(IFeedService);
  private sub?: IDisposable;
  private timer?: number;
  private readonly onOnline = () => (this.online = true);
  private readonly onOffline = () => (this.online = false);

  attached(): void {
    this.feed.start();
    this.sub = this.ea.subscribe("order", (o: OrderEvent) => {
      this.orders = [o, ...this.orders].slice(0, 50);
    });
    this.timer = window.setInterval(() => void this.refresh(), 60_000);
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    void this.refresh();
  }

  detaching(): void {
    this.sub?.dispose();
    window.clearInterval(this.timer);
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
  }

  private async refresh(): Promise<void> {
    const res = await fetch(`/api/orders?warehouse=${encodeURIComponent(this.warehouse)}`);
    if (res.ok) {
      this.orders = (await res.json()) as OrderEvent[];
      this.lastRefresh = new Date().toLocaleTimeString();
    }
  }
}
