export interface ImportTask {
  jobId: string;
  tenantId: string;
  bucket: string;
  key: string;
  table: 'contacts' | 'products' | 'price_list';
}

export interface PurgeTask {
  tenantId: string;
  table: ImportTask['table'];
  olderThanDays: number;
}

export interface ImportResult {
  jobId: string;
  inserted: number;
  skipped: number;
  durationMs: number;
}

export type JobState =
  | { status: 'queued'; queuedAt: string }
  | { status: 'running'; startedAt: string }
  | { status: 'done'; result: ImportResult }
  | { status: 'failed'; error: string };

export const COLUMNS: Record<ImportTask['table'], string[]> = {
  contacts: ['external_id', 'email', 'full_name', 'phone'],
  products: ['sku', 'name', 'category', 'weight_grams'],
  price_list: ['sku', 'currency', 'unit_price_cents', 'valid_from'],
};

export const CONFLICT_KEYS: Record<ImportTask['table'], string> = {
  contacts: 'tenant_id, external_id',
  products: 'tenant_id, sku',
  price_list: 'tenant_id, sku, currency, valid_from',
};
