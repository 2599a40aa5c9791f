mod helpers;

use std::{thread, time::Duration};

use handlebars::Handlebars;
use postgres::{Client, NoTls};
use serde_json::json;

const INVOICE_TPL: &str = include_str!("../templates/invoice.hbs");

fn main() -> anyhow::Result<()> {
    env_logger::init();

    // One billing connection for the whole life of the renderer.
    let mut pg = Client::connect(&std::env::var("BILLING_DATABASE_URL")?, NoTls)?;

    let mut hbs = Handlebars::new();
    hbs.set_strict_mode(true);
    hbs.register_template_string("invoice", INVOICE_TPL)?;
    hbs.register_helper("customer_name", Box::new(helpers::CustomerName));
    hbs.register_helper("loyalty_tier", Box::new(helpers::LoyaltyTier));
    hbs.register_helper("money", Box::new(helpers::money));

    loop {
        let rows = pg.query(
            "SELECT id, customer_no, total_cents, currency
               FROM invoices
              WHERE rendered_html IS NULL
              ORDER BY id
              LIMIT 50",
            &[],
        )?;

        for row in rows {
            let id: i64 = row.get(0);
            let data = json!({
                "id": id,
                "customer_no": row.get::<_, String>(1),
                "total_cents": row.get::<_, i64>(2),
                "currency": row.get::<_, String>(3),
            });

            match hbs.render("invoice", &data) {
                Ok(html) => {
                    pg.execute(
                        "UPDATE invoices SET rendered_html = $1, rendered_at = now() WHERE id = $2",
                        &[&html, &id],
                    )?;
                    log::info!("rendered invoice {id}");
                }
                Err(e) => log::error!("invoice {id} failed to render: {e}"),
            }
        }

        thread::sleep(Duration::from_secs(30));
    }
}
