use std::any::Any;
use std::sync::Arc;

use zeroconf::ServiceDiscovery;

use crate::services::Services;

/// Invoked by zeroconf for every resolved `_ipp._tcp` advertisement.
pub fn on_service_discovered(result: zeroconf::Result<ServiceDiscovery>, context: Option<Arc<dyn Any>>) {
    let service = match result {
        Ok(service) => service,
        Err(err) => {
            eprintln!("mDNS resolve failed: {}", err);
            return;
        }
    };
    let Some(services) = context
        .as_ref()
        .and_then(|ctx| ctx.downcast_ref::<Arc<Services>>())
    else {
        eprintln!("browser context missing");
        return;
    };

    let model = service
        .txt()
        .as_ref()
        .and_then(|txt| txt.get("ty"))
        .unwrap_or_else(|| "unknown".to_string());
    let name = service.name().to_string();
    let port = *service.port();

    if let Err(err) = services.upsert_printer(&name, service.host_name(), service.address(), port, &model) {
        eprintln!("{}: registry upsert failed: {}", name, err);
        return;
    }

    // label printers expose a small JSON status page next to IPP
    let url = format!("http://{}/status.json", service.address());
    match services.http.get(&url).call() {
        Ok(resp) => {
            let status: serde_json::Value = resp.into_json().unwrap_or_default();
            let state = status["state"].as_str().unwrap_or("unknown");
            let media = status["media_remaining_mm"].as_i64();
            if let Err(err) = services.record_status(&name, state, media) {
                eprintln!("{}: status write failed: {}", name, err);
            }
        }
        Err(err) => eprintln!("{}: status probe failed: {}", name, err),
    }
}
