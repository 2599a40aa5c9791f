namespace rs catalog

struct Item {
    1: required i64 id,
    2: required string sku,
    3: required string title,
    4: required i64 price_cents,
    5: required i32 stock,
}

struct GetItemRequest {
    1: required i64 id,
}

struct GetItemResponse {
    1: required Item item,
}

struct Review {
    1: required i64 id,
    2: required i32 rating,
    3: required string body,
}

struct ListReviewsRequest {
    1: required i64 item_id,
    2: optional i32 limit,
}

struct ListReviewsResponse {
    1: required list<Review> reviews,
}

struct QuotePriceRequest {
    1: required i64 item_id,
    2: required i32 quantity,
    3: required string currency,
}

struct QuotePriceResponse {
    1: required i64 total_minor,
    2: required string currency,
}

struct ReserveRequest {
    1: required i64 item_id,
    2: required i32 quantity,
    3: required string order_ref,
}

struct ReserveResponse {
    1: required bool reserved,
    2: required i32 remaining,
}

service CatalogService {
    GetItemResponse GetItem(1: GetItemRequest req),
    ListReviewsResponse ListReviews(1: ListReviewsRequest req),
    QuotePriceResponse QuotePrice(1: QuotePriceRequest req),
    ReserveResponse Reserve(1: ReserveRequest req),
}
