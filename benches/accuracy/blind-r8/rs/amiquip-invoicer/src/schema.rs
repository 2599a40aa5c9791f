diesel::table! {
    invoices (id) {
        id -> Int8,
        customer_id -> Int8,
        amount_cents -> Int8,
        period -> Text,
        status -> Text,
    }
}
