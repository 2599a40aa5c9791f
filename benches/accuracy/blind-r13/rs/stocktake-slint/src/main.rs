mod counts;

use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use slint::{ModelRc, SharedString, VecModel};

slint::slint! {
    import { Button, LineEdit, SpinBox, StandardListView, VerticalBox, HorizontalBox } from "std-widgets.slint";

    export component StockTakeWindow inherits Window {
        title: "Stock take";
        in-out property <string> sku;
        in-out property <int> counted;
        in property <string> status;
        in property <[StandardListViewItem]> pending;
        callback add-count(string, int);
        callback submit-counts();
        callback print-labels();

        VerticalBox {
            HorizontalBox {
                LineEdit { placeholder-text: "SKU"; text <=> root.sku; }
                SpinBox { value <=> root.counted; maximum: 100000; }
                Button { text: "Add"; clicked => { root.add-count(root.sku, root.counted); } }
            }
            StandardListView { model: root.pending; }
            HorizontalBox {
                Button { text: "Submit counts"; clicked => { root.submit-counts(); } }
                Button { text: "Print shelf labels"; clicked => { root.print-labels(); } }
            }
            Text { text: root.status; }
        }
    }
}

fn main() -> anyhow::Result<()> {
    let manager = PostgresConnectionManager::new(std::env::var("DATABASE_URL")?.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(4)
        .connection_timeout(Duration::from_secs(5))
        .build(manager)?;
    let site_id: i32 = std::env::var("SITE_ID").unwrap_or_else(|_| "1".into()).parse()?;

    let ui = StockTakeWindow::new()?;
    let pending = std::rc::Rc::new(VecModel::<(String, i32)>::default());
    let pending_view = std::rc::Rc::new(VecModel::<slint::StandardListViewItem>::default());
    ui.set_pending(ModelRc::from(pending_view.clone()));

    {
        let pending = pending.clone();
        let pending_view = pending_view.clone();
        ui.on_add_count(move |sku, qty| {
            pending.push((sku.to_string(), qty));
            pending_view.push(SharedString::from(format!("{sku}: {qty}")).into());
        });
    }

    {
        let pool = pool.clone();
        let pending = pending.clone();
        let pending_view = pending_view.clone();
        let weak = ui.as_weak();
        ui.on_submit_counts(move || {
            let lines: Vec<(String, i32)> = slint::Model::iter(&*pending).collect();
            let status = match counts::submit_counts(&pool, site_id, &lines) {
                Ok(n) => {
                    pending.set_vec(Vec::new());
                    pending_view.set_vec(Vec::new());
                    format!("{n} counts booked")
                }
                Err(e) => format!("submit failed: {e}"),
            };
            if let Some(ui) = weak.upgrade() {
                ui.set_status(status.into());
            }
        });
    }

    {
        let pending = pending.clone();
        let weak = ui.as_weak();
        ui.on_print_labels(move || {
            let printer = reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(4))
                .build()
                .expect("http client");
            let skus: Vec<String> = slint::Model::iter(&*pending).map(|(sku, _)| sku).collect();
            let result = printer
                .post("http://label-printer.local:8631/api/print")
                .json(&serde_json::json!({ "template": "shelf", "skus": skus }))
                .send();
            if let Some(ui) = weak.upgrade() {
                ui.set_status(match result {
                    Ok(r) => format!("printer: {}", r.status()).into(),
                    Err(e) => format!("printer unreachable: {e}").into(),
                });
            }
        });
    }

    ui.run()?;
    Ok(())
}
