//! bolero harness: `cargo test` runs each target over a few thousand random
//! inputs; `cargo bolero test fuzz_invoices::persisted_invoice_reads_back -e libfuzzer`
//! fuzzes it for as long as you let it.

use std::sync::LazyLock;

use bolero::{check, generator::*};
use invoicing::{persist_invoice, totals, Invoice, LineItem};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// One pool for the whole test binary. Every generated input borrows a
/// connection and works inside a transaction that is rolled back on drop.
static POOL: LazyLock<PgPool> = LazyLock::new(|| {
    let url = std::env::var("INVOICING_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://invoicing:invoicing@localhost:5433/invoicing_test".into());
    let manager = PostgresConnectionManager::new(url.parse().expect("INVOICING_TEST_DATABASE_URL"), NoTls);
    r2d2::Pool::builder().max_size(4).build(manager).expect("test database pool")
});

#[derive(Debug, TypeGenerator)]
struct GenLine {
    #[generator(1u32..500)]
    qty: u32,
    #[generator(0i64..2_000_000)]
    unit_cents: i64,
    #[generator(0u16..=2_500)]
    tax_bp: u16,
    sku: [u8; 6],
}

#[derive(Debug, TypeGenerator)]
struct GenInvoice {
    #[generator(1i64..=50)]
    customer_id: i64,
    lines: Vec<GenLine>,
    #[generator(0u16..=3_000)]
    discount_bp: u16,
}

fn to_invoice(g: &GenInvoice) -> Invoice {
    Invoice {
        customer_id: g.customer_id,
        discount_bp: g.discount_bp,
        lines: g
            .lines
            .iter()
            .take(40)
            .map(|l| LineItem {
                sku: l.sku.iter().map(|b| char::from(b'A' + b % 26)).collect(),
                qty: l.qty,
                unit_cents: l.unit_cents,
                tax_bp: l.tax_bp,
            })
            .collect(),
    }
}

#[test]
fn totals_are_consistent() {
    check!().with_type::<GenInvoice>().for_each(|g| {
        let inv = to_invoice(g);
        let t = totals(&inv);
        assert!(t.total_cents >= 0, "negative total for {inv:?}");
        assert!(t.discount_cents <= t.subtotal_cents);
        assert_eq!(t.total_cents, t.subtotal_cents - t.discount_cents + t.tax_cents);
    });
}

#[test]
fn persisted_invoice_reads_back() {
    check!().with_type::<GenInvoice>().for_each(|g| {
        let inv = to_invoice(g);
        if inv.lines.is_empty() {
            return;
        }
        let mut conn = POOL.get().expect("pooled connection");
        let mut tx = conn.transaction().expect("begin");
        let id = persist_invoice(&mut tx, &inv).expect("persist");

        let row = tx
            .query_one(
                "SELECT i.total_cents, count(l.*) FROM invoices i \
                 JOIN invoice_lines l ON l.invoice_id = i.id WHERE i.id = $1 GROUP BY i.total_cents",
                &[&id],
            )
            .expect("read back");
        assert_eq!(row.get::<_, i64>(0), totals(&inv).total_cents);
        assert_eq!(row.get::<_, i64>(1), inv.lines.len() as i64);
        // No commit: `tx` rolls back when dropped and `conn` returns to POOL.
    });
}
