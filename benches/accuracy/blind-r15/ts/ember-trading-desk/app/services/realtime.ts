import Service from "@ember/service";
import * as Ably from "ably";

// Ember services are singletons per application instance: one Ably connection for the app.
export default class RealtimeService extends Service {
  client = new Ably.Realtime({
    authUrl: "/api/realtime/token",
    echoMessages: false,
    closeOnUnload: true,
  });

  channel(name: string): Ably.RealtimeChannel {
    return this.client.channels.get(name);
  }

  willDestroy() {
    this.client.close();
    super.willDestroy();
  }
}

declare module "@ember/service" {
  interface Registry {
    realtime: RealtimeService;
  }
}
