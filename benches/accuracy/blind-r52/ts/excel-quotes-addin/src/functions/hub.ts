import * as signalR from "@microsoft/signalr";

const PRICE_HUB_URL = "https://quotes.example-broker.com/hubs/prices";

type Listener = (price: number) => void;

// One connection for the whole shared runtime; every STREAMPRICE cell piggybacks on it.
let hubPromise: Promise<signalR.HubConnection> | undefined;
const listeners = new Map<string, Set<Listener>>();

export function getPriceHub(tokenFactory: () => Promise<string>): Promise<signalR.HubConnection> {
  if (!hubPromise) {
    const hub = new signalR.HubConnectionBuilder()
      .withUrl(PRICE_HUB_URL, { accessTokenFactory: tokenFactory })
      .withAutomaticReconnect([0, 2000, 5000, 10000, 30000])
      .configureLogging(signalR.LogLevel.Warning)
      .build();

    hub.on("price", (symbol: string, price: number) => {
      listeners.get(symbol)?.forEach((fn) => fn(price));
    });

    hub.onreconnected(async () => {
      // the server forgets groups on reconnect; re-join every symbol we still show
      for (const symbol of listeners.keys()) {
        await hub.invoke("Subscribe", symbol);
      }
    });

    hubPromise = hub.start().then(
      () => hub,
      (err) => {
        hubPromise = undefined;
        throw err;
      },
    );
  }
  return hubPromise;
}

export async function subscribePrice(
  hub: signalR.HubConnection,
  symbol: string,
  listener: Listener,
): Promise<() => Promise<void>> {
  let set = listeners.get(symbol);
  if (!set) {
    set = new Set();
    listeners.set(symbol, set);
    await hub.invoke("Subscribe", symbol);
  }
  set.add(listener);

  return async () => {
    const current = listeners.get(symbol);
    if (!current) return;
    current.delete(listener);
    if (current.size === 0) {
      listeners.delete(symbol);
      await hub.invoke("Unsubscribe", symbol);
    }
  };
}
