export interface ListingRow {
  id: string;
  title: string;
  description: string | null;
  price_cents: number;
  currency: string;
  city: string;
  lat: number | null;
  lng: number | null;
  tags: string[] | null;
  updated_at: Date;
}

export interface ListingDoc {
  title: string;
  description: string;
  price: number;
  currency: string;
  city: string;
  location?: { lat: number; lon: number };
  tags: string[];
  updated_at: string;
}

export function toDoc(row: ListingRow): ListingDoc {
  const doc: ListingDoc = {
    title: row.title.trim(),
    description: (row.description ?? "").slice(0, 5000),
    price: row.price_cents / 100,
    currency: row.currency.toUpperCase(),
    city: row.city,
    tags: (row.tags ?? []).map((t) => t.toLowerCase()),
    updated_at: row.updated_at.toISOString(),
  };
  if (row.lat !== null && row.lng !== null) {
    doc.location = { lat: row.lat, lon: row.lng };
  }
  return doc;
}

// Cloud Run jobs: each task gets CLOUD_RUN_TASK_INDEX / CLOUD_RUN_TASK_COUNT.
export function shardOf(): { index: number; count: number } {
  const index = Number(process.env.CLOUD_RUN_TASK_INDEX ?? 0);
  const count = Number(process.env.CLOUD_RUN_TASK_COUNT ?? 1);
  return { index, count };
}
