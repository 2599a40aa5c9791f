use postgres::Client;
use serde::Deserialize;

#[derive(Deserialize)]
struct Country {
    iso2: String,
    name: String,
    currency: Option<String>,
}

#[derive(Deserialize)]
struct TaxRate {
    iso2: String,
    category: String,
    rate: String,
}

#[derive(Deserialize)]
struct Page<T> {
    items: Vec<T>,
    next: Option<String>,
}

pub fn load_countries(db: &mut Client, http: &reqwest::blocking::Client, base: &str) -> anyhow::Result<usize> {
    let countries: Vec<Country> = http.get(format!("{base}/countries")).send()?.error_for_status()?.json()?;
    let mut tx = db.transaction()?;
    let stmt = tx.prepare(
        "INSERT INTO countries (iso2, name, currency) VALUES ($1, $2, $3) \
         ON CONFLICT (iso2) DO UPDATE SET name = excluded.name, currency = excluded.currency",
    )?;
    for c in &countries {
        tx.execute(&stmt, &[&c.iso2, &c.name, &c.currency])?;
    }
    tx.commit()?;
    Ok(countries.len())
}

/// Tax rates are paginated; every page goes into the same transaction.
pub fn load_tax_rates(db: &mut Client, http: &reqwest::blocking::Client, base: &str, region: &str) -> anyhow::Result<usize> {
    let mut tx = db.transaction()?;
    let stmt = tx.prepare(
        "INSERT INTO tax_rates (iso2, category, rate) VALUES ($1, $2, $3::text::numeric) \
         ON CONFLICT (iso2, category) DO UPDATE SET rate = excluded.rate",
    )?;
    let mut url = Some(format!("{base}/tax-rates?region={region}"));
    let mut total = 0;
    while let Some(next) = url.take() {
        let page: Page<TaxRate> = http.get(&next).send()?.error_for_status()?.json()?;
        for r in &page.items {
            tx.execute(&stmt, &[&r.iso2, &r.category, &r.rate])?;
        }
        total += page.items.len();
        url = page.next;
    }
    tx.commit()?;
    Ok(total)
}
