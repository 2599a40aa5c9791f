import { Module } from '@nestjs/common';
import { MongoClient, Db } from 'mongodb';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { InventoryService } from './inventory.service';
import { createRedis, REDIS } from './redis.factory';
import { AUDIT_DB } from './tokens';

@Module({
  controllers: [OrdersController],
  providers: [
    OrdersService,
    InventoryService,
    {
      provide: AUDIT_DB,
      useFactory: async (): Promise<Db> => {
        const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017');
        await client.connect();
        return client.db('audit');
      },
    },
    { provide: REDIS, useFactory: createRedis },
  ],
})
export class AppModule {}
