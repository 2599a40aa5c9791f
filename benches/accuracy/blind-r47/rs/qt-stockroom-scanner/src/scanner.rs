//! QObject exposed to QML. Each invokable runs when the operator scans a
//! barcode or presses a button on the handheld.

#[cxx_qt::bridge]
pub mod qobject {
    unsafe extern "C++" {
        include!("cxx-qt-lib/qstring.h");
        type QString = cxx_qt_lib::QString;
    }

    extern "RustQt" {
        #[qobject]
        #[qml_element]
        #[qproperty(QString, status)]
        #[qproperty(QString, description)]
        #[qproperty(i32, on_hand)]
        type Scanner = super::ScannerRust;
    }

    unsafe extern "RustQt" {
        #[qinvokable]
        #[cxx_name = "lookupSku"]
        fn lookup_sku(self: Pin<&mut Scanner>, sku: &QString);

        #[qinvokable]
        #[cxx_name = "reportDamage"]
        fn report_damage(self: Pin<&mut Scanner>, sku: &QString, note: &QString);

        #[qinvokable]
        #[cxx_name = "syncNow"]
        fn sync_now(self: Pin<&mut Scanner>);
    }
}

use core::pin::Pin;
use cxx_qt_lib::QString;
use std::sync::OnceLock;
use std::time::Duration;

use crate::catalog;

#[derive(Default)]
pub struct ScannerRust {
    status: QString,
    description: QString,
    on_hand: i32,
}

const TICKETS_URL: &str = "https://tickets.stockroom.lan/api/damage";
const SYNC_URL: &str = "https://hq.stockroom.lan/api/handheld/sync";

fn sync_client() -> &'static reqwest::blocking::Client {
    static CLIENT: OnceLock<reqwest::blocking::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("sync client")
    })
}

impl qobject::Scanner {
    pub fn lookup_sku(mut self: Pin<&mut Self>, sku: &QString) {
        let sku = sku.to_string();
        let pool = match catalog::open_pool() {
            Ok(pool) => pool,
            Err(e) => {
                self.as_mut().set_status(QString::from(&format!("db error: {e}")));
                return;
            }
        };
        match catalog::find_by_sku(&pool, &sku) {
            Ok(Some(row)) => {
                self.as_mut().set_description(QString::from(&row.description));
                self.as_mut().set_on_hand(row.on_hand);
                self.as_mut()
                    .set_status(QString::from(&format!("{} in bin {}", row.sku, row.bin)));
            }
            Ok(None) => self.as_mut().set_status(QString::from("unknown SKU")),
            Err(e) => self.as_mut().set_status(QString::from(&format!("lookup failed: {e}"))),
        }
    }

    pub fn report_damage(mut self: Pin<&mut Self>, sku: &QString, note: &QString) {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("ticket client");
        let body = serde_json::json!({ "sku": sku.to_string(), "note": note.to_string() });
        let status = match http.post(TICKETS_URL).json(&body).send() {
            Ok(resp) if resp.status().is_success() => "damage reported".to_string(),
            Ok(resp) => format!("ticket rejected: {}", resp.status()),
            Err(e) => format!("ticket failed: {e}"),
        };
        self.as_mut().set_status(QString::from(&status));
    }

    pub fn sync_now(mut self: Pin<&mut Self>) {
        let status = match sync_client().post(SYNC_URL).send() {
            Ok(resp) => format!("sync: {}", resp.status()),
            Err(e) => format!("sync failed: {e}"),
        };
        self.as_mut().set_status(QString::from(&status));
    }
}
