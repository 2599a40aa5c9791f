use std::time::Duration;

use gpui::{div, prelude::*, rgb, Context, SharedString, Window};

use crate::sources::{Snapshot, Sources};

const REFRESH_EVERY: Duration = Duration::from_secs(10);

pub struct QueueMonitor {
    sources: Sources,
    snapshot: Snapshot,
    error: Option<SharedString>,
    refreshing: bool,
}

impl QueueMonitor {
    pub fn new(sources: Sources, cx: &mut Context<Self>) -> Self {
        // periodic refresh for the lifetime of the view
        cx.spawn(async move |this, cx| loop {
            cx.background_executor().timer(REFRESH_EVERY).await;
            if this.update(cx, |view, cx| view.refresh(cx)).is_err() {
                break;
            }
        })
        .detach();

        let mut view = Self {
            sources,
            snapshot: Snapshot::default(),
            error: None,
            refreshing: false,
        };
        view.refresh(cx);
        view
    }

    fn refresh(&mut self, cx: &mut Context<Self>) {
        if self.refreshing {
            return;
        }
        self.refreshing = true;
        let sources = self.sources.clone();
        let task = cx.background_spawn(async move { sources.snapshot() });
        cx.spawn(async move |this, cx| {
            let result = task.await;
            this.update(cx, |view, cx| {
                view.refreshing = false;
                match result {
                    Ok(snapshot) => {
                        view.snapshot = snapshot;
                        view.error = None;
                    }
                    Err(e) => view.error = Some(format!("refresh failed: {e:#}").into()),
                }
                cx.notify();
            })
            .ok();
        })
        .detach();
    }
}

impl Render for QueueMonitor {
    fn render(&mut self, _window: &mut Window, cx: &mut Context<Self>) -> impl IntoElement {
        let header = div()
            .flex()
            .justify_between()
            .child(format!("{} queues, {} workers", self.snapshot.queues.len(), self.snapshot.workers.len()))
            .child(
                div()
                    .id("refresh")
                    .px_2()
                    .bg(rgb(0x313244))
                    .child(if self.refreshing { "Refreshing…" } else { "Refresh" })
                    .on_click(cx.listener(|view, _event, _window, cx| view.refresh(cx))),
            );

        div()
            .flex()
            .flex_col()
            .size_full()
            .gap_2()
            .p_4()
            .bg(rgb(0x1e1e2e))
            .text_color(rgb(0xcdd6f4))
            .child(header)
            .children(self.error.clone().map(|e| div().text_color(rgb(0xf38ba8)).child(e)))
            .children(self.snapshot.queues.iter().map(|q| {
                div().child(format!(
                    "{:<20} ready {:>6}  running {:>4}  failed/1h {:>4}",
                    q.queue, q.ready, q.running, q.failed_1h
                ))
            }))
            .children(self.snapshot.workers.iter().map(|w| {
                let stale = w.last_heartbeat_secs > 60;
                div()
                    .text_color(if stale { rgb(0xf9e2af) } else { rgb(0xa6e3a1) })
                    .child(format!("{} {}/{} busy, heartbeat {}s ago", w.host, w.busy, w.capacity, w.last_heartbeat_secs))
            }))
    }
}
