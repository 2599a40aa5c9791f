import { Application } from "@hotwired/stimulus";
import ClockController from "./controllers/clock_controller";
import PresenceController from "./controllers/presence_controller";
import QuotesController from "./controllers/quotes_controller";

const application = Application.start();
application.register("clock", ClockController);
application.register("presence", PresenceController);
application.register("quotes", QuotesController);
