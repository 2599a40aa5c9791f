use std::time::Duration;

use postgres::{Client, Config, NoTls};

/// Opens a connection to the CRM read replica.
pub fn connect(url: &str) -> Result<Client, postgres::Error> {
    let mut config: Config = url.parse()?;
    config
        .connect_timeout(Duration::from_secs(3))
        .application_name("clickhouse-crm-segment-udf");
    config.connect(NoTls)
}
