use std::cell::RefCell;

use qmetaobject::prelude::*;
use serde::Deserialize;

use crate::store;

#[derive(Deserialize)]
struct PendingTransfer {
    sku: String,
    qty: i32,
    from_site: String,
}

/// QObject exposed to QML; the methods below are invoked from button
/// handlers and from a QML Timer in qml/main.qml.
#[derive(QObject, Default)]
pub struct Backend {
    base: qt_base_class!(trait QObject),

    operator: qt_property!(QString; NOTIFY operator_changed),
    operator_changed: qt_signal!(),
    status: qt_property!(QString; NOTIFY status_changed),
    status_changed: qt_signal!(),
    transfers: qt_property!(QString; NOTIFY transfers_changed),
    transfers_changed: qt_signal!(),

    lookup: qt_method!(fn(&mut self, sku: QString) -> QString),
    adjust: qt_method!(fn(&mut self, sku: QString, delta: i32) -> bool),
    refresh_transfers: qt_method!(fn(&mut self)),

    // opened lazily on first use and then kept for the lifetime of the window
    scans: RefCell<Option<redis::Connection>>,
}

impl Backend {
    fn lookup(&mut self, sku: QString) -> QString {
        let sku = sku.to_string();
        self.record_scan(&sku);
        let mut db = match store::connect() {
            Ok(c) => c,
            Err(e) => {
                self.set_status(format!("database unavailable: {e}"));
                return QString::default();
            }
        };
        match store::find_item(&mut db, &sku) {
            Ok(Some(item)) => {
                format!("{} — {} (bin {}, {} on hand)", item.sku, item.name, item.bin, item.on_hand)
                    .into()
            }
            Ok(None) => format!("{sku}: unknown SKU").into(),
            Err(e) => {
                self.set_status(format!("lookup failed: {e}"));
                QString::default()
            }
        }
    }

    fn adjust(&mut self, sku: QString, delta: i32) -> bool {
        let operator = self.operator.to_string();
        let result = store::connect()
            .and_then(|mut db| store::apply_adjustment(&mut db, &sku.to_string(), delta, &operator));
        match result {
            Ok(on_hand) => {
                self.set_status(format!("{sku}: now {on_hand} on hand"));
                true
            }
            Err(e) => {
                self.set_status(format!("adjustment failed: {e}"));
                false
            }
        }
    }

    fn refresh_transfers(&mut self) {
        let http = reqwest::blocking::Client::builder()
            .timeout(std::time::Duration::from_secs(5))
            .build()
            .expect("http client");
        let url = std::env::var("TRANSFERS_URL")
            .unwrap_or_else(|_| "https://wms.internal/api/transfers/pending".to_string());
        match http.get(url).send().and_then(|r| r.json::<Vec<PendingTransfer>>()) {
            Ok(list) => {
                let text = list
                    .iter()
                    .map(|t| format!("{} x{} from {}", t.sku, t.qty, t.from_site))
                    .collect::<Vec<_>>()
                    .join("\n");
                self.transfers = text.into();
                self.transfers_changed();
            }
            Err(e) => self.set_status(format!("transfers: {e}")),
        }
    }

    fn record_scan(&self, sku: &str) {
        let mut slot = self.scans.borrow_mut();
        if slot.is_none() {
            let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
            *slot = redis::Client::open(url).and_then(|c| c.get_connection()).ok();
        }
        if let Some(conn) = slot.as_mut() {
            let _: redis::RedisResult<()> =
                redis::cmd("ZINCRBY").arg("stockroom:scans").arg(1).arg(sku).query(conn);
        }
    }

    fn set_status(&mut self, text: String) {
        log::info!("{text}");
        self.status = text.into();
        self.status_changed();
    }
}
