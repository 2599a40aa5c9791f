use std::io;

use arboard::Clipboard;
use clipboard_master::{CallbackResult, ClipboardHandler};

use crate::store::Store;
use crate::sync::Uploader;

const SHARE_TAG: &str = "#share";
const SYNC_EVERY: u32 = 10;
const MAX_LEN: usize = 64 * 1024;

/// Clipboard-change handler. `on_clipboard_change` runs for every copy, so
/// everything expensive is created once in `new`.
pub struct Capture {
    clipboard: Clipboard,
    store: Store,
    uploader: Uploader,
    since_sync: u32,
}

impl Capture {
    pub fn new(store: Store, uploader: Uploader) -> anyhow::Result<Self> {
        Ok(Self { clipboard: Clipboard::new()?, store, uploader, since_sync: 0 })
    }

    fn capture(&mut self) -> anyhow::Result<()> {
        let text = match self.clipboard.get_text() {
            Ok(t) => t,
            Err(arboard::Error::ContentNotAvailable) => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        let text = text.trim();
        if text.is_empty() || text.len() > MAX_LEN {
            return Ok(());
        }
        let shared = text.contains(SHARE_TAG);
        if let Some(id) = self.store.insert(text, shared)? {
            log::debug!("captured snippet {id} (shared: {shared})");
            if shared {
                self.since_sync += 1;
            }
        }
        if self.since_sync >= SYNC_EVERY {
            self.sync()?;
        }
        Ok(())
    }

    fn sync(&mut self) -> anyhow::Result<()> {
        let pending = self.store.pending_shared(50)?;
        if pending.is_empty() {
            return Ok(());
        }
        let accepted = self.uploader.upload(&pending);
        self.store.mark_synced(&accepted)?;
        self.since_sync = 0;
        log::info!("synced {} shared snippets", accepted.len());
        Ok(())
    }
}

impl ClipboardHandler for Capture {
    fn on_clipboard_change(&mut self) -> CallbackResult {
        if let Err(e) = self.capture() {
            log::warn!("clipboard capture failed: {e:#}");
        }
        CallbackResult::Next
    }

    fn on_clipboard_error(&mut self, error: io::Error) -> CallbackResult {
        log::error!("clipboard monitor error: {error}");
        CallbackResult::Next
    }
}
