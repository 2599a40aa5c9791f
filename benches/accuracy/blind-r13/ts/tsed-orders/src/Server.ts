import {Configuration} from "@tsed/di";
import "@tsed/platform-express";
import bodyParser from "body-parser";
import {OrdersController} from "./controllers/OrdersController";
import {InvoicesController} from "./controllers/InvoicesController";

@Configuration({
  httpPort: process.env.PORT || 8083,
  mount: {
    "/rest": [OrdersController, InvoicesController]
  },
  middlewares: [bodyParser.json()]
})
export class Server {}
