//! Thin wrapper over the Windows Event Log push subscription API. The
//! subscription callback runs on a wevtapi thread-pool thread once per
//! matching event; it only renders the XML and hands it to the async side.

use std::ffi::c_void;
use std::sync::OnceLock;

use tokio::sync::mpsc::UnboundedSender;
use windows::core::{w, PCWSTR};
use windows::Win32::System::EventLog::{
    EvtClose, EvtRender, EvtRenderEventXml, EvtSubscribe, EvtSubscribeActionDeliver,
    EvtSubscribeToFutureEvents, EVT_HANDLE, EVT_SUBSCRIBE_NOTIFY_ACTION,
};

static SINK: OnceLock<UnboundedSender<String>> = OnceLock::new();

pub struct Subscription(EVT_HANDLE);

impl Drop for Subscription {
    fn drop(&mut self) {
        unsafe {
            let _ = EvtClose(self.0);
        }
    }
}

pub fn subscribe_security(sink: UnboundedSender<String>) -> windows::core::Result<Subscription> {
    SINK.set(sink).expect("subscribe_security called twice");
    let query = w!("*[System[(EventID=4624 or EventID=4625 or EventID=4740)]]");
    let handle = unsafe {
        EvtSubscribe(
            EVT_HANDLE::default(),
            None,
            w!("Security"),
            query,
            EVT_HANDLE::default(),
            None,
            Some(on_event),
            EvtSubscribeToFutureEvents.0,
        )?
    };
    Ok(Subscription(handle))
}

unsafe extern "system" fn on_event(
    action: EVT_SUBSCRIBE_NOTIFY_ACTION,
    _context: *const c_void,
    event: EVT_HANDLE,
) -> u32 {
    if action != EvtSubscribeActionDeliver {
        log::warn!("subscription error notification (code {})", event.0);
        return 0;
    }
    match render_xml(event) {
        Ok(xml) => {
            if let Some(tx) = SINK.get() {
                let _ = tx.send(xml);
            }
        }
        Err(e) => log::warn!("EvtRender failed: {e}"),
    }
    0
}

unsafe fn render_xml(event: EVT_HANDLE) -> windows::core::Result<String> {
    let mut used = 0u32;
    let mut props = 0u32;
    // First call sizes the buffer.
    let _ = EvtRender(EVT_HANDLE::default(), event, EvtRenderEventXml.0, 0, None, &mut used, &mut props);
    let mut buf = vec![0u16; (used as usize / 2) + 1];
    EvtRender(
        EVT_HANDLE::default(),
        event,
        EvtRenderEventXml.0,
        (buf.len() * 2) as u32,
        Some(buf.as_mut_ptr() as *mut c_void),
        &mut used,
        &mut props,
    )?;
    let len = buf.iter().position(|c| *c == 0).unwrap_or(buf.len());
    Ok(PCWSTR(buf.as_ptr()).to_string().unwrap_or_else(|_| String::from_utf16_lossy(&buf[..len])))
}
