import { Body, Controller, Get, Path, Post, Response, Route, SuccessResponse, Tags } from 'tsoa';
import { getPool, inTransaction } from '../db';
import { invoicePdfUrl } from '../storage';
import { InvoiceRepository, type Invoice, type InvoiceLine } from '../repositories/invoiceRepository';

interface CreateInvoiceBody {
  customerId: string;
  lines: InvoiceLine[];
}

// tsoa's generated routes do `new InvoicesController()` for every request.
@Route('invoices')
@Tags('Invoices')
export class InvoicesController extends Controller {
  private readonly invoices = new InvoiceRepository(getPool());

  @Get('{invoiceId}')
  @Response(404, 'Not found')
  public async getInvoice(@Path() invoiceId: string): Promise<Invoice & { pdfUrl?: string }> {
    const invoice = await this.invoices.findById(invoiceId);
    if (!invoice) {
      this.setStatus(404);
      throw new Error('invoice not found');
    }
    return invoice.pdfKey ? { ...invoice, pdfUrl: await invoicePdfUrl(invoice.pdfKey) } : invoice;
  }

  @SuccessResponse(201, 'Created')
  @Post()
  public async createInvoice(@Body() body: CreateInvoiceBody): Promise<Invoice> {
    const invoice = await inTransaction((client) => new InvoiceRepository(client).insert(body.customerId, body.lines));
    this.setStatus(201);
    return invoice;
  }

  @Post('{invoiceId}/issue')
  public async issueInvoice(@Path() invoiceId: string): Promise<void> {
    const client = await getPool().connect();
    try {
      await client.query('BEGIN');
      const repo = new InvoiceRepository(client);
      const invoice = await repo.findById(invoiceId);
      if (!invoice || invoice.status !== 'draft') {
        await client.query('ROLLBACK');
        this.setStatus(409);
        return;
      }
      await repo.markIssued(invoiceId);
      await client.query("SELECT pg_notify('invoice_issued', $1)", [invoiceId]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }
}
