export { OrdersController } from './orders.controller';
