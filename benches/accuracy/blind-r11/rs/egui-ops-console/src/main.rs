mod health;
mod queries;

use std::time::Duration;

use eframe::egui;

struct OpsConsole {
    dsn: String,
    admin_api: String,
    services: Vec<String>,
    http: reqwest::blocking::Client,
    stuck: Vec<queries::StuckJob>,
    message: Option<String>,
}

impl OpsConsole {
    fn new(_cc: &eframe::CreationContext<'_>) -> Self {
        let services = std::env::var("OPS_SERVICES")
            .unwrap_or_else(|_| "http://api:8080,http://billing:8080,http://search:9200".to_owned())
            .split(',')
            .map(str::to_owned)
            .collect();
        Self {
            dsn: std::env::var("JOBS_DSN").unwrap_or_else(|_| "host=localhost user=ops dbname=jobs".to_owned()),
            admin_api: std::env::var("ADMIN_API").unwrap_or_else(|_| "http://api:8080/admin".to_owned()),
            services,
            http: reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(5))
                .build()
                .expect("http client"),
            stuck: Vec::new(),
            message: None,
        }
    }

    fn requeue(&mut self, job_id: i64) {
        let res = self
            .http
            .post(format!("{}/jobs/{job_id}/requeue", self.admin_api))
            .send();
        self.message = Some(match res {
            Ok(r) if r.status().is_success() => format!("job {job_id} requeued"),
            Ok(r) => format!("requeue failed: {}", r.status()),
            Err(e) => format!("requeue failed: {e}"),
        });
    }
}

impl eframe::App for OpsConsole {
    fn update(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        ctx.request_repaint_after(Duration::from_secs(2));

        egui::TopBottomPanel::top("health").show(ctx, |ui| {
            ui.horizontal(|ui| {
                for svc in &self.services {
                    let status = health::probe(svc);
                    ui.colored_label(status.color(), format!("{svc}: {}", status.label()));
                }
            });
        });

        let mut requeue_id = None;
        egui::CentralPanel::default().show(ctx, |ui| {
            if ui.button("Load stuck jobs").clicked() {
                match postgres::Client::connect(&self.dsn, postgres::NoTls) {
                    Ok(mut client) => match queries::stuck_jobs(&mut client, 30) {
                        Ok(rows) => {
                            self.message = Some(format!("{} stuck jobs", rows.len()));
                            self.stuck = rows;
                        }
                        Err(e) => self.message = Some(format!("query failed: {e}")),
                    },
                    Err(e) => self.message = Some(format!("connect failed: {e}")),
                }
            }
            if let Some(msg) = &self.message {
                ui.label(msg);
            }
            egui::Grid::new("stuck-jobs").striped(true).show(ui, |ui| {
                for job in &self.stuck {
                    ui.label(job.id.to_string());
                    ui.label(&job.queue);
                    ui.label(format!("{} min", job.age_minutes));
                    if ui.small_button("requeue").clicked() {
                        requeue_id = Some(job.id);
                    }
                    ui.end_row();
                }
            });
        });

        if let Some(id) = requeue_id {
            self.requeue(id);
        }
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions::default();
    eframe::run_native(
        "Ops console",
        options,
        Box::new(|cc| Ok(Box::new(OpsConsole::new(cc)))),
    )
}
