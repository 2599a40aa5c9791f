// @generated automatically by Diesel CLI.

diesel::table! {
    watched_products (id) {
        id -> Int8,
        shop -> Text,
        url -> Text,
        price_selector -> Text,
        last_price -> Nullable<Numeric>,
        active -> Bool,
    }
}

diesel::table! {
    price_observations (id) {
        id -> Int8,
        product_id -> Int8,
        price -> Numeric,
        observed_at -> Timestamptz,
    }
}

diesel::table! {
    shop_webhooks (shop) {
        shop -> Text,
        webhook_url -> Text,
        proxy_url -> Nullable<Text>,
        secret -> Text,
    }
}

diesel::joinable!(price_observations -> watched_products (product_id));
diesel::allow_tables_to_appear_in_same_query!(price_observations, watched_products, shop_webhooks);
