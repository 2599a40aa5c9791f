namespace py inventory

struct StockLevel {
  1: string sku,
  2: i32 available,
  3: i32 reserved,
}

exception NotFound {
  1: string sku,
}

service Inventory {
  StockLevel get_stock(1: string sku) throws (1: NotFound nf),
  bool reserve(1: string sku, 2: i32 qty),
  void ping(),
}
