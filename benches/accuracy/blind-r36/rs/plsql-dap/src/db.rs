use postgres::{Client, Config, NoTls};

/// Opens a connection to the target database named in the launch config.
pub fn connect(dsn: &str) -> Result<Client, postgres::Error> {
    let mut cfg: Config = dsn.parse()?;
    cfg.application_name("plsql-dap");
    cfg.connect(NoTls)
}
