diesel::table! {
    positions (id) {
        id -> Int8,
        vehicle_id -> Varchar,
        lat -> Float8,
        lon -> Float8,
        speed_mps -> Nullable<Float8>,
        recorded_at -> Timestamptz,
    }
}

diesel::table! {
    geofence_state (vehicle_id) {
        vehicle_id -> Varchar,
        inside -> Bool,
    }
}
