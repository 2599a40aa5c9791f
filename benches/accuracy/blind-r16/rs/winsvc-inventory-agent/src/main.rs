#[cfg(windows)]
fn main() -> windows_service::Result<()> {
    service::run()
}

#[cfg(not(windows))]
fn main() {
    eprintln!("inventory-agent runs as a Windows service only");
}

#[cfg(windows)]
mod agent;
#[cfg(windows)]
mod outbox;

#[cfg(windows)]
mod service {
    use std::ffi::OsString;
    use std::sync::mpsc;
    use std::time::Duration;

    use windows_service::service::{
        ServiceControl, ServiceControlAccept, ServiceExitCode, ServiceState, ServiceStatus, ServiceType,
    };
    use windows_service::service_control_handler::{self, ServiceControlHandlerResult};
    use windows_service::{define_windows_service, service_dispatcher};

    use crate::agent::Agent;

    const SERVICE_NAME: &str = "AcmeInventoryAgent";
    const TICK: Duration = Duration::from_secs(300);

    pub fn run() -> windows_service::Result<()> {
        service_dispatcher::start(SERVICE_NAME, ffi_service_main)
    }

    define_windows_service!(ffi_service_main, service_main);

    fn service_main(_args: Vec<OsString>) {
        let _ = eventlog::init("Acme Inventory Agent", log::Level::Info);
        if let Err(e) = run_service() {
            log::error!("service failed: {e}");
        }
    }

    enum Signal {
        Stop,
        SyncNow,
    }

    fn status(state: ServiceState, accept: ServiceControlAccept) -> ServiceStatus {
        ServiceStatus {
            service_type: ServiceType::OWN_PROCESS,
            current_state: state,
            controls_accepted: accept,
            exit_code: ServiceExitCode::Win32(0),
            checkpoint: 0,
            wait_hint: Duration::from_secs(10),
            process_id: None,
        }
    }

    fn run_service() -> Result<(), Box<dyn std::error::Error>> {
        let (tx, rx) = mpsc::channel();
        let handler = move |event| -> ServiceControlHandlerResult {
            match event {
                ServiceControl::Interrogate => ServiceControlHandlerResult::NoError,
                ServiceControl::Stop | ServiceControl::Shutdown => {
                    let _ = tx.send(Signal::Stop);
                    ServiceControlHandlerResult::NoError
                }
                ServiceControl::ParamChange => {
                    let _ = tx.send(Signal::SyncNow);
                    ServiceControlHandlerResult::NoError
                }
                _ => ServiceControlHandlerResult::NotImplemented,
            }
        };
        let status_handle = service_control_handler::register(SERVICE_NAME, handler)?;
        status_handle.set_service_status(status(ServiceState::StartPending, ServiceControlAccept::empty()))?;

        let rt = tokio::runtime::Runtime::new()?;
        let spool = r"C:\ProgramData\Acme\inventory\spool.db";
        let endpoint = std::env::var("ACME_INVENTORY_URL").unwrap_or_else(|_| "https://inventory.acme.example".into());
        let mut agent = rt.block_on(Agent::start(spool, endpoint))?;

        status_handle.set_service_status(status(
            ServiceState::Running,
            ServiceControlAccept::STOP | ServiceControlAccept::SHUTDOWN | ServiceControlAccept::PARAM_CHANGE,
        ))?;

        loop {
            if let Err(e) = rt.block_on(agent.tick()) {
                log::warn!("inventory tick failed (will retry next tick): {e}");
            }
            match rx.recv_timeout(TICK) {
                Ok(Signal::SyncNow) | Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Ok(Signal::Stop) | Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }

        status_handle.set_service_status(status(ServiceState::Stopped, ServiceControlAccept::empty()))?;
        Ok(())
    }
}
