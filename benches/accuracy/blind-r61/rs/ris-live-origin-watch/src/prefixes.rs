use ipnet::IpNet;
use postgres::{Client, NoTls};

pub struct Watched {
    pub prefix: IpNet,
    pub origin_asn: u64,
}

pub fn connect() -> Result<Client, postgres::Error> {
    let dsn = std::env::var("NOC_DB").unwrap_or_else(|_| "host=noc-db user=bgpwatch dbname=noc".to_string());
    Client::connect(&dsn, NoTls)
}

pub fn load_watched(db: &mut Client) -> anyhow::Result<Vec<Watched>> {
    let rows = db.query("SELECT prefix::text, origin_asn FROM watched_prefixes", &[])?;
    rows.iter()
        .map(|r| {
            Ok(Watched {
                prefix: r.get::<_, String>(0).parse()?,
                origin_asn: r.get::<_, i64>(1) as u64,
            })
        })
        .collect()
}

pub fn record_event(
    db: &mut Client,
    prefix: &str,
    origin: u64,
    collector: &str,
    peer_asn: &str,
) -> Result<(), postgres::Error> {
    db.execute(
        "INSERT INTO origin_events (prefix, seen_origin, collector, peer_asn, seen_at) \
         VALUES ($1::text::cidr, $2, $3, $4, now())",
        &[&prefix, &(origin as i64), &collector, &peer_asn],
    )?;
    Ok(())
}
