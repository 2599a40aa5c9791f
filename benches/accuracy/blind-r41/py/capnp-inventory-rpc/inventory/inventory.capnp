@0xd3b1c6a4e2f09a71;

struct StockLevel {
  sku @0 :Text;
  warehouse @1 :Text;
  onHand @2 :Int32;
  reserved @3 :Int32;
}

interface Inventory {
  lookup @0 (sku :Text) -> (levels :List(StockLevel));
  reserve @1 (sku :Text, warehouse :Text, qty :Int32, orderId :Text) -> (ok :Bool);
}
