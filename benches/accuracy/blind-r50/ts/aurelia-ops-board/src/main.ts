import Aurelia, { customElement } from "aurelia";
import { LiveOrders } from "./live-orders";

@customElement({
  name: "ops-app",
  template: `<live-orders warehouse="main"></live-orders>`,
})
class OpsApp {}

Aurelia.register(LiveOrders).app({ host: document.querySelector("ops-app")!, component: OpsApp }).start();
