//! Energy prices per tariff (T1 = low, T2 = normal), edited by hand in the
//! `energy_prices` table of the same database.

use std::time::{Duration, Instant};

use postgres::{Client, NoTls};

const REFRESH: Duration = Duration::from_secs(600);

pub struct TariffBook {
    client: Client,
    prices: [f64; 2],
    loaded_at: Option<Instant>,
}

impl TariffBook {
    pub fn open(url: &str) -> anyhow::Result<Self> {
        let client = Client::connect(url, NoTls)?;
        Ok(TariffBook {
            client,
            prices: [0.0, 0.0],
            loaded_at: None,
        })
    }

    /// `indicator` is the meter's tariff indicator octets (0001 = T1, 0002 = T2).
    pub fn current_price(&mut self, indicator: Option<[u8; 2]>) -> anyhow::Result<f64> {
        if self.loaded_at.map_or(true, |t| t.elapsed() > REFRESH) {
            for row in self.client.query(
                "SELECT DISTINCT ON (tariff) tariff, eur_per_kwh FROM energy_prices \
                 WHERE valid_from <= now() ORDER BY tariff, valid_from DESC",
                &[],
            )? {
                let tariff: i16 = row.get(0);
                if (1..=2).contains(&tariff) {
                    self.prices[(tariff - 1) as usize] = row.get(1);
                }
            }
            self.loaded_at = Some(Instant::now());
        }
        let slot = match indicator {
            Some([_, 1]) => 0,
            _ => 1,
        };
        Ok(self.prices[slot])
    }
}
