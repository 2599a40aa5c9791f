use std::error::Error;
use std::ffi::CString;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use duckdb::core::{DataChunkHandle, Inserter, LogicalTypeHandle, LogicalTypeId};
use duckdb::vtab::{BindInfo, InitInfo, TableFunctionInfo, VTab};
use serde::Deserialize;

use crate::pg;

const CHUNK: usize = 1024;

pub struct OpenOrdersVTab;

pub struct Order {
    id: i64,
    customer: String,
    sku: String,
    qty: i32,
    currency: String,
    amount: f64,
}

pub struct OpenOrdersBind {
    orders: Vec<Order>,
}

pub struct OpenOrdersInit {
    offset: AtomicUsize,
    fx_cache: Mutex<Vec<(String, f64)>>,
}

#[derive(Deserialize)]
struct FxQuote {
    rate_to_eur: f64,
}

fn eur_rate(cache: &Mutex<Vec<(String, f64)>>, currency: &str) -> Result<f64, Box<dyn Error>> {
    if currency == "EUR" {
        return Ok(1.0);
    }
    if let Some((_, r)) = cache.lock().unwrap().iter().find(|(c, _)| c == currency) {
        return Ok(*r);
    }
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(5))
        .build();
    let quote: FxQuote = agent
        .get(&format!("https://fx.internal/v1/rates/{currency}"))
        .call()?
        .into_json()?;
    cache.lock().unwrap().push((currency.to_string(), quote.rate_to_eur));
    Ok(quote.rate_to_eur)
}

impl VTab for OpenOrdersVTab {
    type InitData = OpenOrdersInit;
    type BindData = OpenOrdersBind;

    // runs once per query that references erp_open_orders(...)
    fn bind(bind: &BindInfo) -> Result<Self::BindData, Box<dyn Error>> {
        bind.add_result_column("order_id", LogicalTypeHandle::from(LogicalTypeId::Bigint));
        bind.add_result_column("customer", LogicalTypeHandle::from(LogicalTypeId::Varchar));
        bind.add_result_column("sku", LogicalTypeHandle::from(LogicalTypeId::Varchar));
        bind.add_result_column("qty", LogicalTypeHandle::from(LogicalTypeId::Integer));
        bind.add_result_column("amount_eur", LogicalTypeHandle::from(LogicalTypeId::Double));

        let region = bind.get_parameter(0).to_string();
        let mut client = pg::connect()?;
        let rows = client.query(
            "SELECT o.id, c.name, o.sku, o.qty, o.currency, o.amount::float8 \
             FROM orders o JOIN customers c ON c.id = o.customer_id \
             WHERE o.status = 'open' AND c.region = $1 ORDER BY o.id",
            &[&region],
        )?;
        let orders = rows
            .iter()
            .map(|r| Order {
                id: r.get(0),
                customer: r.get(1),
                sku: r.get(2),
                qty: r.get(3),
                currency: r.get(4),
                amount: r.get(5),
            })
            .collect();
        Ok(OpenOrdersBind { orders })
    }

    fn init(_: &InitInfo) -> Result<Self::InitData, Box<dyn Error>> {
        Ok(OpenOrdersInit {
            offset: AtomicUsize::new(0),
            fx_cache: Mutex::new(Vec::new()),
        })
    }

    // called repeatedly, once per output chunk, until it emits 0 rows
    fn func(
        func: &TableFunctionInfo<Self>,
        output: &mut DataChunkHandle,
    ) -> Result<(), Box<dyn Error>> {
        let init = func.get_init_data();
        let bind = func.get_bind_data();

        let start = init.offset.load(Ordering::Relaxed);
        let end = (start + CHUNK).min(bind.orders.len());
        let batch = &bind.orders[start..end];

        let ids = output.flat_vector(0);
        let customers = output.flat_vector(1);
        let skus = output.flat_vector(2);
        let qtys = output.flat_vector(3);
        let amounts = output.flat_vector(4);

        for (i, o) in batch.iter().enumerate() {
            ids.as_mut_slice::<i64>()[i] = o.id;
            customers.insert(i, CString::new(o.customer.clone())?);
            skus.insert(i, CString::new(o.sku.clone())?);
            qtys.as_mut_slice::<i32>()[i] = o.qty;
            amounts.as_mut_slice::<f64>()[i] = o.amount * eur_rate(&init.fx_cache, &o.currency)?;
        }

        output.set_len(batch.len());
        init.offset.store(end, Ordering::Relaxed);
        Ok(())
    }

    fn parameters() -> Option<Vec<LogicalTypeHandle>> {
        Some(vec![LogicalTypeHandle::from(LogicalTypeId::Varchar)])
    }
}
