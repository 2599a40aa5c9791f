diesel::table! {
    readings (id) {
        id -> Int8,
        device_id -> Text,
        metric -> Text,
        value -> Float8,
        recorded_at_ms -> Int8,
    }
}
