import { App } from "@jovotech/framework";
import { AlexaPlatform } from "@jovotech/platform-alexa";

import { GlobalComponent } from "./components/GlobalComponent";
import { OrderComponent } from "./components/OrderComponent";

export const app = new App({
  components: [GlobalComponent, OrderComponent],
  plugins: [
    new AlexaPlatform({
      intentMap: {
        "AMAZON.StopIntent": "END",
        "AMAZON.CancelIntent": "END",
      },
    }),
  ],
  logging: process.env.NODE_ENV !== "production",
});
