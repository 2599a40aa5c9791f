import { BaseComponent, Component, Global } from "@jovotech/framework";

import { OrderComponent } from "./OrderComponent";

@Global()
@Component()
export class GlobalComponent extends BaseComponent {
  LAUNCH() {
    return this.$redirect(OrderComponent);
  }

  END() {
    return this.$send({ message: "Goodbye!", listen: false });
  }
}
