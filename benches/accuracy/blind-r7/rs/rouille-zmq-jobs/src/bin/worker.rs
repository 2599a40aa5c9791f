use thumbjobs::{build_pool, JobMsg};

fn main() {
    // Separate process from the web server: its own small pool.
    let pool = build_pool(4).expect("cannot reach database");

    let ctx = zmq::Context::new();
    let pull = ctx.socket(zmq::PULL).expect("zmq socket");
    pull.bind("tcp://*:5557").expect("zmq bind");
    println!("thumbjobs-worker pulling on tcp://*:5557");

    loop {
        let bytes = match pull.recv_bytes(0) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("recv failed: {e}");
                continue;
            }
        };
        let job: JobMsg = match serde_json::from_slice(&bytes) {
            Ok(j) => j,
            Err(e) => {
                eprintln!("bad message: {e}");
                continue;
            }
        };

        let thumb_url = format!("https://cdn.example.com/thumbs/{}.webp", job.job_id);
        // ... resize happens here ...

        let mut conn = match pool.get() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("pool exhausted: {e}");
                continue;
            }
        };
        if let Err(e) = conn.execute(
            "UPDATE jobs SET state = 'done', thumb_url = $2 WHERE id = $1",
            &[&job.job_id, &thumb_url],
        ) {
            eprintln!("update failed for job {}: {e}", job.job_id);
            continue;
        }
        drop(conn);

        if let Some(cb) = &job.callback_url {
            // minreq opens a plain one-shot connection; there is no client or pool to keep.
            let sent = minreq::post(cb)
                .with_timeout(5)
                .with_json(&serde_json::json!({ "id": job.job_id, "thumb_url": thumb_url }))
                .and_then(|req| req.send());
            if let Err(e) = sent {
                eprintln!("callback to {cb} failed: {e}");
            }
        }
    }
}
