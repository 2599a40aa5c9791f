import { DataSource } from 'typeorm';
import { Invoice } from './entities/Invoice';

export function buildDataSource(): DataSource {
  return new DataSource({
    type: 'postgres',
    url: process.env.DATABASE_URL,
    entities: [Invoice],
    synchronize: false,
    extra: { max: 10 },
  });
}
