import { inject, injectable } from 'inversify';
import { DataSource } from 'typeorm';
import { Invoice } from './entities/Invoice';
import { TYPES } from './types';

@injectable()
export class InvoiceService {
  constructor(@inject(TYPES.DataSource) private readonly ds: DataSource) {}

  find(id: string) {
    return this.ds.getRepository(Invoice).findOneBy({ id });
  }

  async markPaid(id: string, paymentRef: string): Promise<void> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.manager.update(Invoice, { id }, { status: 'paid' });
      await runner.query('INSERT INTO payments (invoice_id, reference) VALUES ($1, $2)', [id, paymentRef]);
      await runner.commitTransaction();
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }
}
