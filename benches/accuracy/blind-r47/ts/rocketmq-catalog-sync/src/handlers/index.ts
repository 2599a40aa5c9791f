import { handlePriceChanged, type PriceChanged } from './price.js'
import { handleStockAdjusted, type StockAdjusted } from './stock.js'

type Handler = (payload: any) => Promise<void>

// RocketMQ tag -> handler
export const handlers: Record<string, Handler> = {
  PRICE_CHANGED: (p) => handlePriceChanged(p as PriceChanged),
  STOCK_ADJUSTED: (p) => handleStockAdjusted(p as StockAdjusted),
}
