use mysql::prelude::Queryable;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

/// Pool used to read shipment data for label rendering (WMS database).
pub fn open() -> Result<Pool, Box<dyn std::error::Error>> {
    let url = std::env::var("WMS_DATABASE_URL")
        .unwrap_or_else(|_| "mysql://picker:picker@wms-db:3306/wms".into());
    let constraints = PoolConstraints::new(1, 4).ok_or("bad pool constraints")?;
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    Ok(Pool::new(opts)?)
}

pub fn render_for_tote(pool: &Pool, tote: &str) -> Result<String, Box<dyn std::error::Error>> {
    let mut conn = pool.get_conn()?;
    let row: Option<(String, String, String, String)> = conn.exec_first(
        "SELECT s.tracking_no, s.carrier, a.name, a.postcode
           FROM shipments s JOIN addresses a ON a.id = s.address_id
          WHERE s.tote = ? AND s.state = 'packing'",
        (tote,),
    )?;
    let (tracking, carrier, name, postcode) = row.ok_or("no shipment for tote")?;
    Ok(format!(
        "^XA^FO50,50^A0N,40,40^FD{}^FS^FO50,110^FD{} {}^FS^FO50,170^BCN,100,Y,N,N^FD{}^FS^XZ",
        carrier, name, postcode, tracking
    ))
}
