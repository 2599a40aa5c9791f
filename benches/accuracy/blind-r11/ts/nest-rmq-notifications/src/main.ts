import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(AppModule, {
    transport: Transport.RMQ,
    options: {
      urls: [process.env.AMQP_URL ?? 'amqp://localhost:5672'],
      queue: 'notifications',
      queueOptions: { durable: true },
      noAck: false,
      prefetchCount: 20,
    },
  });
  app.enableShutdownHooks();
  await app.listen();
}

bootstrap();
