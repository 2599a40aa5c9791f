use std::sync::Mutex;

use rouille::{router, try_or_400, Request, Response};
use thumbjobs::{build_pool, JobMsg, PgPool};

#[derive(serde::Deserialize)]
struct SubmitJob {
    source_url: String,
    callback_url: Option<String>,
}

fn main() {
    let pool = build_pool(12).expect("cannot reach database");

    let ctx = zmq::Context::new();
    let push = ctx.socket(zmq::PUSH).expect("zmq socket");
    push.connect(&std::env::var("WORKER_ENDPOINT").unwrap_or_else(|_| "tcp://127.0.0.1:5557".into()))
        .expect("zmq connect");
    // zmq sockets are not Sync; rouille handlers run on a thread pool.
    let push = Mutex::new(push);

    println!("thumbjobs-web on 0.0.0.0:8000");
    rouille::start_server("0.0.0.0:8000", move |request| {
        handle(request, &pool, &push)
    });
}

fn handle(request: &Request, pool: &PgPool, push: &Mutex<zmq::Socket>) -> Response {
    router!(request,
        (POST) (/jobs) => {
            let input: SubmitJob = try_or_400!(rouille::input::json_input(request));
            let mut conn = match pool.get() {
                Ok(c) => c,
                Err(_) => return Response::text("database busy").with_status_code(503),
            };
            let row = match conn.query_one(
                "INSERT INTO jobs (source_url, callback_url, state) VALUES ($1, $2, 'queued') RETURNING id",
                &[&input.source_url, &input.callback_url],
            ) {
                Ok(r) => r,
                Err(_) => return Response::text("insert failed").with_status_code(500),
            };
            let msg = JobMsg { job_id: row.get(0), source_url: input.source_url, callback_url: input.callback_url };
            let payload = serde_json::to_vec(&msg).unwrap();
            if push.lock().unwrap().send(payload, 0).is_err() {
                return Response::text("queue unavailable").with_status_code(503);
            }
            Response::json(&serde_json::json!({ "id": msg.job_id })).with_status_code(202)
        },
        (GET) (/jobs/{id: i64}) => {
            let mut conn = match pool.get() {
                Ok(c) => c,
                Err(_) => return Response::text("database busy").with_status_code(503),
            };
            match conn.query_opt("SELECT state, thumb_url FROM jobs WHERE id = $1", &[&id]) {
                Ok(Some(row)) => {
                    let state: String = row.get(0);
                    let thumb: Option<String> = row.get(1);
                    Response::json(&serde_json::json!({ "id": id, "state": state, "thumb_url": thumb }))
                }
                Ok(None) => Response::empty_404(),
                Err(_) => Response::text("query failed").with_status_code(500),
            }
        },
        _ => Response::empty_404()
    )
}
