import { inject } from 'inversify';
import { controller, httpGet, httpPost, requestBody, requestParam, BaseHttpController } from 'inversify-express-utils';
import { InvoiceService } from '../InvoiceService';
import { TYPES } from '../types';

@controller('/invoices')
export class InvoiceController extends BaseHttpController {
  constructor(@inject(TYPES.InvoiceService) private readonly invoices: InvoiceService) {
    super();
  }

  @httpGet('/:id')
  async get(@requestParam('id') id: string) {
    const invoice = await this.invoices.find(id);
    return invoice ? this.json(invoice) : this.notFound();
  }

  @httpPost('/:id/pay')
  async pay(@requestParam('id') id: string, @requestBody() body: { reference: string }) {
    await this.invoices.markPaid(id, body.reference);
    return this.statusCode(204);
  }
}
