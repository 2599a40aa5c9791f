import { controller, IAppController } from '@foal/core';
import { OrdersController } from './controllers';

export class AppController implements IAppController {
  subControllers = [controller('/api/orders', OrdersController)];
}
