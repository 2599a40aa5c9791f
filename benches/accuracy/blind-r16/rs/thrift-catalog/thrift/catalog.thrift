namespace rs catalog

struct Product {
  1: string sku,
  2: string name,
  3: i64 price_cents,
  4: i32 review_count,
}

exception NotFound {
  1: string sku,
}

service Catalog {
  Product get_product(1: string sku),
  string open_cursor(1: string category),
  list<Product> fetch_page(1: string cursor, 2: i32 limit),
  void close_cursor(1: string cursor),
}
