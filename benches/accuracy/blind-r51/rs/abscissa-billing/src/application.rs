use abscissa_core::{
    application::{self, AppCell},
    config::{self, CfgCell},
    trace, Application, FrameworkError, StandardPaths,
};
use abscissa_tokio::TokioComponent;

use crate::{commands::EntryPoint, config::BillingConfig};

pub static APP: AppCell<BillingApp> = AppCell::new();

#[derive(Debug, Default)]
pub struct BillingApp {
    config: CfgCell<BillingConfig>,
    state: application::State<Self>,
}

impl Application for BillingApp {
    type Cmd = EntryPoint;
    type Cfg = BillingConfig;
    type Paths = StandardPaths;

    fn config(&self) -> config::Reader<BillingConfig> {
        self.config.read()
    }

    fn state(&self) -> &application::State<Self> {
        &self.state
    }

    fn register_components(&mut self, command: &Self::Cmd) -> Result<(), FrameworkError> {
        let mut components = self.framework_components(command)?;
        components.push(Box::new(TokioComponent::new()?));
        let mut app_components = self.state.components_mut();
        app_components.register(components)
    }

    fn after_config(&mut self, config: Self::Cfg) -> Result<(), FrameworkError> {
        let mut components = self.state.components_mut();
        components.after_config(&config)?;
        self.config.set_once(config);
        Ok(())
    }

    fn tracing_config(&self, command: &EntryPoint) -> trace::Config {
        if command.verbose {
            trace::Config::verbose()
        } else {
            trace::Config::default()
        }
    }
}
