mod audit;
mod billing;
mod qmp;

use std::env;
use std::time::Duration;

use qmp::QmpMonitor;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let vm = env::var("VM_NAME")?;
    let socket = env::var("QMP_SOCKET").unwrap_or_else(|_| format!("/run/qemu/{vm}/qmp.sock"));

    let audit_pool = audit::init().await?;
    let billing_pool = billing::connect().await?;
    let mut recorder = audit::Recorder::new(&audit_pool).await?;

    // QEMU is restarted by its own unit; keep following the socket forever.
    loop {
        let mut monitor = match QmpMonitor::connect(&socket).await {
            Ok(m) => m,
            Err(err) => {
                eprintln!("qmp connect {socket}: {err}; retrying in 5s");
                tokio::time::sleep(Duration::from_secs(5)).await;
                continue;
            }
        };
        eprintln!("following QMP events for {vm}");

        loop {
            match monitor.next_event().await {
                Ok(Some(event)) => {
                    recorder.record(&vm, &event).await?;
                    billing::on_event(&billing_pool, &vm, &event).await?;
                }
                Ok(None) => break,
                Err(err) => {
                    eprintln!("qmp read error: {err}");
                    break;
                }
            }
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
