diesel::table! {
    usb_events (id) {
        id -> Int8,
        host -> Text,
        action -> Text,
        vendor_id -> Text,
        product_id -> Text,
        serial -> Nullable<Text>,
        model -> Nullable<Text>,
        devpath -> Text,
        at -> Timestamptz,
    }
}

diesel::table! {
    usb_allowlist (vendor_id, product_id) {
        vendor_id -> Text,
        product_id -> Text,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    usb_attached (host, devpath) {
        host -> Text,
        devpath -> Text,
        vendor_id -> Text,
        product_id -> Text,
        serial -> Nullable<Text>,
        since -> Timestamptz,
    }
}
