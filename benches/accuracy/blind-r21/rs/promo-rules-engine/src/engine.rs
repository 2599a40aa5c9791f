use mysql::Pool;
use rquickjs::{Context, Function, Runtime};

use crate::host::{FxCache, Host};

/// One QuickJS runtime for the whole process; host functions are registered
/// once and close over the shared clients.
pub struct Engine {
    _runtime: Runtime,
    context: Context,
}

impl Engine {
    pub fn new(pool: Pool, agent: ureq::Agent, fx_url: String, source: &str) -> anyhow::Result<Self> {
        let runtime = Runtime::new()?;
        runtime.set_memory_limit(64 * 1024 * 1024);
        let context = Context::full(&runtime)?;
        let host = Host::new(pool, agent, fx_url, FxCache::default());

        context.with(|ctx| -> rquickjs::Result<()> {
            let globals = ctx.globals();

            let h = host.clone();
            globals.set(
                "customerTier",
                Function::new(ctx.clone(), move |customer_id: String| h.customer_tier(&customer_id))?
                    .with_name("customerTier")?,
            )?;

            let h = host.clone();
            globals.set(
                "fxRate",
                Function::new(ctx.clone(), move |currency: String| h.fx_rate(&currency))?
                    .with_name("fxRate")?,
            )?;

            ctx.eval::<(), _>(source)?;
            Ok(())
        })?;

        Ok(Self { _runtime: runtime, context })
    }

    /// Called once per order event.
    pub fn evaluate(&self, order_json: &str) -> anyhow::Result<String> {
        let decision = self.context.with(|ctx| -> rquickjs::Result<String> {
            let evaluate: Function = ctx.globals().get("evaluate")?;
            evaluate.call((order_json.to_string(),))
        })?;
        Ok(decision)
    }
}
