app_name = "returns_portal"
app_title = "Returns Portal"
app_publisher = "Acme Retail"
app_description = "Customer returns portal for ERPNext"
app_license = "mit"

doc_events = {
    "Return Request": {
        "on_submit": "returns_portal.events.on_return_submit",
        "on_update": "returns_portal.indexing.index_return",
        "on_trash": "returns_portal.indexing.remove_return",
    },
}

scheduler_events = {
    "cron": {
        "*/15 * * * *": [
            "returns_portal.tasks.sync_refund_status",
        ],
    },
    "daily": [
        "returns_portal.tasks.purge_old_labels",
    ],
}

after_install = "returns_portal.setup.after_install"
