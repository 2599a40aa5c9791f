diesel::table! {
    tickets (id) {
        id -> Int8,
        message_id -> Text,
        from_addr -> Text,
        subject -> Text,
        body -> Text,
        queue -> Text,
    }
}
