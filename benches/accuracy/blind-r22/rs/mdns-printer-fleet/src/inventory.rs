use std::net::IpAddr;

use postgres::Client;

use crate::probes::PrinterStatus;

/// Owns the agent's single Postgres connection (opened in main).
pub struct Inventory {
    client: Client,
    site: String,
}

impl Inventory {
    pub fn new(client: Client, site: String) -> Self {
        Self { client, site }
    }

    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    pub fn reconnect(&mut self, client: Client) {
        self.client = client;
    }

    pub fn upsert_printer(&mut self, serial: &str, hostname: &str, addr: IpAddr, port: u16) -> Result<(), postgres::Error> {
        self.client.execute(
            "INSERT INTO printers (serial, site, hostname, address, port, last_seen, present) \
             VALUES ($1, $2, $3, $4, $5, now(), true) \
             ON CONFLICT (serial) DO UPDATE SET site = $2, hostname = $3, address = $4, port = $5, \
             last_seen = now(), present = true",
            &[&serial, &self.site, &hostname, &addr.to_string(), &i32::from(port)],
        )?;
        Ok(())
    }

    pub fn record_status(&mut self, serial: &str, status: &PrinterStatus) -> Result<(), postgres::Error> {
        let mut tx = self.client.transaction()?;
        tx.execute(
            "INSERT INTO printer_status (serial, at, media_low, ribbon_low, head_open, labels_printed) \
             VALUES ($1, now(), $2, $3, $4, $5)",
            &[&serial, &status.media_low, &status.ribbon_low, &status.head_open, &status.labels_printed],
        )?;
        if status.media_low || status.ribbon_low {
            tx.execute(
                "INSERT INTO replenishment_requests (serial, site, requested_at) VALUES ($1, $2, now()) \
                 ON CONFLICT (serial) WHERE fulfilled_at IS NULL DO NOTHING",
                &[&serial, &self.site],
            )?;
        }
        tx.commit()
    }

    pub fn mark_gone(&mut self, fullname: &str) -> Result<(), postgres::Error> {
        self.client.execute(
            "UPDATE printers SET present = false WHERE site = $1 AND (hostname = $2 OR $2 LIKE serial || '.%')",
            &[&self.site, &fullname],
        )?;
        Ok(())
    }
}
