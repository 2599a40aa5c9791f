namespace js inventory

struct StockLevel {
  1: string sku,
  2: i32 available,
  3: i32 reserved,
}

struct PricePoint {
  1: string day,
  2: double price,
}

exception OutOfStock {
  1: string sku,
  2: i32 available,
}

service Inventory {
  StockLevel getStock(1: string sku),
  bool reserveStock(1: string orderId, 2: string sku, 3: i32 qty) throws (1: OutOfStock oos),
  list<PricePoint> getPriceHistory(1: string sku, 2: i32 days),
}
