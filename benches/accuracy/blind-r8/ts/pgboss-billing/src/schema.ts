import type { Generated } from 'kysely';

export interface InvoiceTable {
  id: Generated<number>;
  account_id: number;
  period: string;
  total_cents: number;
  status: 'draft' | 'issued' | 'void';
  issued_at: Date | null;
}

export interface UsageTable {
  account_id: number;
  period: string;
  metric: string;
  quantity: number;
  unit_price_cents: number;
}

export interface DB {
  invoices: InvoiceTable;
  usage: UsageTable;
}
