import Alpine from "alpinejs";
import { buildLog } from "./components/buildLog";
import { liveOrders } from "./components/liveOrders";

declare global {
  interface Window {
    Alpine: typeof Alpine;
  }
}

Alpine.data("liveOrders", liveOrders);
Alpine.data("buildLog", buildLog);

window.Alpine = Alpine;
Alpine.start();
