use std::time::Duration;

use anyhow::Result;
use headless_chrome::{Browser, LaunchOptions, Tab};

pub fn launch() -> Result<Browser> {
    let options = LaunchOptions::default_builder()
        .headless(true)
        .window_size(Some((1366, 900)))
        .idle_browser_timeout(Duration::from_secs(120))
        .build()?;
    Browser::new(options)
}

/// Navigates the shared tab to `url` and parses the displayed price into cents.
pub fn rendered_price(tab: &Tab, url: &str) -> Result<Option<i64>> {
    tab.navigate_to(url)?;
    tab.wait_until_navigated()?;
    let element = match tab.wait_for_element_with_custom_timeout("[data-testid=price]", Duration::from_secs(8)) {
        Ok(element) => element,
        Err(_) => return Ok(None),
    };
    let text = element.get_inner_text()?;
    Ok(parse_cents(&text))
}

fn parse_cents(text: &str) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let normalised = cleaned.replace(',', ".");
    let (whole, frac) = match normalised.rsplit_once('.') {
        Some((w, f)) if f.len() == 2 => (w.replace('.', ""), f.to_string()),
        _ => (normalised.replace('.', ""), "00".to_string()),
    };
    Some(whole.parse::<i64>().ok()? * 100 + frac.parse::<i64>().ok()?)
}

#[cfg(test)]
mod tests {
    use super::parse_cents;

    #[test]
    fn parses_common_formats() {
        assert_eq!(parse_cents("$12.99"), Some(1299));
        assert_eq!(parse_cents("1.299,00 €"), Some(129900));
        assert_eq!(parse_cents("15"), Some(1500));
    }
}
