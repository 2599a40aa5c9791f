diesel::table! {
    notes (id) {
        id -> Int4,
        site -> Varchar,
        body -> Text,
        synced -> Bool,
        created_at -> Timestamptz,
    }
}
