diesel::table! {
    quotes (id) {
        id -> Int8,
        symbol -> Text,
        price_micros -> Int8,
        quoted_ms -> Int8,
    }
}
