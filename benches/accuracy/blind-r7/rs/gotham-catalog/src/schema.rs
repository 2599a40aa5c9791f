diesel::table! {
    products (id) {
        id -> Int4,
        name -> Text,
        price_cents -> Int8,
        in_stock -> Bool,
    }
}
