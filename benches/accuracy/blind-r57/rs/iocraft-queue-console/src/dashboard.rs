use std::time::Duration;

use iocraft::prelude::*;

use crate::queries::{self, QueueRow, WorkerHealth};
use crate::services::Services;

#[component]
pub fn Dashboard(mut hooks: Hooks) -> impl Into<AnyElement<'static>> {
    let services = hooks.use_context::<Services>().clone();
    let mut system = hooks.use_context_mut::<SystemContext>();

    let mut queues = hooks.use_state(Vec::<QueueRow>::new);
    let mut workers = hooks.use_state(Vec::<WorkerHealth>::new);
    let mut selected = hooks.use_state(|| 0usize);
    let mut status = hooks.use_state(|| String::from("q quit · ↑/↓ select · F requeue failed"));
    let mut should_exit = hooks.use_state(|| false);

    // use_future only polls the future from the first render; later renders
    // build (cheap) clones that are dropped without ever running.
    let poll_services = services.clone();
    hooks.use_future(async move {
        loop {
            if let Ok(rows) = queries::queue_depths(&poll_services.db).await {
                queues.set(rows);
            }
            workers.set(
                queries::worker_health(&poll_services.http, &poll_services.worker_health_urls).await,
            );
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });

    let key_services = services.clone();
    hooks.use_terminal_events(move |event| {
        let TerminalEvent::Key(KeyEvent { code, kind, .. }) = event else { return };
        if kind == KeyEventKind::Release {
            return;
        }
        match code {
            KeyCode::Char('q') => should_exit.set(true),
            KeyCode::Up => selected.set(selected.get().saturating_sub(1)),
            KeyCode::Down => selected.set((selected.get() + 1).min(queues.read().len().saturating_sub(1))),
            KeyCode::Char('F') => {
                let Some(row) = queues.read().get(selected.get()).cloned() else { return };
                let pool = key_services.db.clone();
                tokio::spawn(async move {
                    match queries::requeue_failed(&pool, &row.queue).await {
                        Ok(n) => status.set(format!("requeued {n} job(s) on {}", row.queue)),
                        Err(e) => status.set(format!("requeue failed: {e}")),
                    }
                });
            }
            _ => {}
        }
    });

    if should_exit.get() {
        system.exit();
    }

    let chosen = selected.get();
    element! {
        View(flex_direction: FlexDirection::Column, border_style: BorderStyle::Round, border_color: Color::Cyan, padding: 1) {
            Text(content: "Job queues", weight: Weight::Bold)
            #(queues.read().iter().enumerate().map(|(i, q)| element! {
                View(key: q.queue.clone()) {
                    Text(
                        color: if i == chosen { Color::Yellow } else { Color::White },
                        content: format!("{:<20} ready {:>6}  running {:>4}  failed {:>4}", q.queue, q.ready, q.running, q.failed),
                    )
                }
            }))
            Text(content: "Workers", weight: Weight::Bold)
            #(workers.read().iter().map(|w| element! {
                View(key: w.url.clone()) {
                    Text(color: if w.up { Color::Green } else { Color::Red }, content: w.url.clone())
                }
            }))
            Text(color: Color::DarkGrey, content: status.read().clone())
        }
    }
}
