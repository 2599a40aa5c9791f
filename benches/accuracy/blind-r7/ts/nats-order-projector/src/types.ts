export interface OrderItem {
  sku: string;
  qty: number;
  priceCents: number;
}

export interface OrderEvent {
  orderId: string;
  customerId: string;
  placedAt: string;
  items: OrderItem[];
}
