//! Handlebars helpers used by templates/invoice.hbs.
//!
//! Each helper is invoked by the template engine every time the
//! corresponding `{{helper ...}}` expression is rendered.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason,
};

fn erp_dsn() -> String {
    std::env::var("ERP_DSN").unwrap_or_else(|_| "//erp-db.internal:1521/ERPPROD".into())
}

fn to_render_err<E: std::fmt::Display>(e: E) -> RenderError {
    RenderErrorReason::Other(e.to_string()).into()
}

fn customer_param<'a>(h: &'a Helper<'_>, name: &'static str) -> Result<&'a str, RenderError> {
    h.param(0)
        .and_then(|v| v.value().as_str())
        .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex(name, 0).into())
}

/// `{{customer_name customer_no}}` -> display name from the ERP customer master.
pub struct CustomerName;

impl HelperDef for CustomerName {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _r: &'reg Handlebars<'reg>,
        _ctx: &'rc Context,
        _rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let customer_no = customer_param(h, "customer_name")?;

        let user = std::env::var("ERP_USER").map_err(to_render_err)?;
        let password = std::env::var("ERP_PASSWORD").map_err(to_render_err)?;
        let conn = oracle::Connection::connect(&user, &password, erp_dsn()).map_err(to_render_err)?;

        let name: String = conn
            .query_row_as(
                "SELECT display_name FROM ar_customers WHERE customer_no = :1",
                &[&customer_no],
            )
            .map_err(to_render_err)?;
        out.write(&name)?;
        Ok(())
    }
}

/// `{{loyalty_tier customer_no}}` -> tier cached by the loyalty service in memcached.
pub struct LoyaltyTier;

impl HelperDef for LoyaltyTier {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _r: &'reg Handlebars<'reg>,
        _ctx: &'rc Context,
        _rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let customer_no = customer_param(h, "loyalty_tier")?;
        let servers = std::env::var("LOYALTY_MEMCACHE")
            .unwrap_or_else(|_| "memcache://loyalty-cache.internal:11211?timeout=2".into());

        let cache = memcache::connect(servers.as_str()).map_err(to_render_err)?;
        let tier: Option<String> = cache
            .get(&format!("tier:{customer_no}"))
            .map_err(to_render_err)?;
        out.write(tier.as_deref().unwrap_or("standard"))?;
        Ok(())
    }
}

/// `{{money total_cents currency}}` -> "12.50 EUR". Pure formatting, no I/O.
pub fn money(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let cents = h.param(0).and_then(|v| v.value().as_i64()).unwrap_or(0);
    let currency = h.param(1).and_then(|v| v.value().as_str()).unwrap_or("EUR");
    out.write(&format!("{}.{:02} {}", cents / 100, (cents % 100).abs(), currency))?;
    Ok(())
}
