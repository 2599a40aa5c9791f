use scraper::{Html, Selector};

pub struct Product {
    pub sku: String,
    pub title: String,
    pub price_cents: i64,
    pub url: String,
}

/// Pull sku / title / price out of a product page. Returns None for listing
/// pages, blog posts and anything else without schema.org offer markup.
pub fn product(url: &str, html: &str) -> Option<Product> {
    let doc = Html::parse_document(html);
    let sku_sel = Selector::parse(r#"[itemprop="sku"]"#).ok()?;
    let name_sel = Selector::parse(r#"[itemprop="name"]"#).ok()?;
    let price_sel = Selector::parse(r#"[itemprop="price"]"#).ok()?;

    let sku = doc.select(&sku_sel).next()?.text().collect::<String>().trim().to_string();
    let title = doc
        .select(&name_sel)
        .next()
        .map(|n| n.text().collect::<String>().trim().to_string())
        .unwrap_or_default();
    let price_el = doc.select(&price_sel).next()?;
    let raw = price_el
        .value()
        .attr("content")
        .map(str::to_string)
        .unwrap_or_else(|| price_el.text().collect::<String>());
    let price: f64 = raw.trim().replace(',', ".").parse().ok()?;

    Some(Product {
        sku,
        title,
        price_cents: (price * 100.0).round() as i64,
        url: url.to_string(),
    })
}
