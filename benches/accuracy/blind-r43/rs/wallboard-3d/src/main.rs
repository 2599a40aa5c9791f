mod alerts;
mod tiles;

use clickhouse::Row;
use serde::Deserialize;
use three_d::*;

const HOURS: usize = 12;
const REFRESH_MS: f64 = 15_000.0;

#[derive(Row, Deserialize)]
struct HourRow {
    hour_offset: u8,
    pallets: u64,
}

async fn hourly_throughput(ch: &clickhouse::Client) -> clickhouse::error::Result<Vec<HourRow>> {
    ch.query(
        "SELECT toUInt8(dateDiff('hour', toStartOfHour(scanned_at), toStartOfHour(now()))) AS hour_offset,
                count() AS pallets
         FROM dock_scans
         WHERE scanned_at > now() - INTERVAL 12 HOUR
         GROUP BY hour_offset
         ORDER BY hour_offset",
    )
    .fetch_all::<HourRow>()
    .await
}

fn main() -> anyhow::Result<()> {
    let wms_url = std::env::var("WMS_DATABASE_URL")?;
    let ch_url = std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse:8123".into());

    let dock_pool = tiles::connect(&wms_url)?;
    let alert_pool = alerts::open_pool()?;
    let rt = tokio::runtime::Runtime::new()?;

    let window = Window::new(WindowSettings {
        title: "Dock throughput".to_string(),
        max_size: Some((1920, 1080)),
        ..Default::default()
    })?;
    let context = window.gl();
    let mut camera = Camera::new_perspective(
        window.viewport(),
        vec3(0.0, 6.0, 16.0),
        vec3(0.0, 2.0, 0.0),
        vec3(0.0, 1.0, 0.0),
        degrees(45.0),
        0.1,
        100.0,
    );
    let light = AmbientLight::new(&context, 1.0, Srgba::WHITE);

    let mut bars: Vec<Gm<Mesh, ColorMaterial>> = (0..HOURS)
        .map(|_| {
            Gm::new(
                Mesh::new(&context, &CpuMesh::cube()),
                ColorMaterial {
                    color: Srgba::new(64, 160, 255, 255),
                    ..Default::default()
                },
            )
        })
        .collect();

    let mut last_refresh = f64::NEG_INFINITY;
    let mut heights = [0.0f32; HOURS];
    let mut open_alerts = 0u64;
    let mut occupied_doors = 0usize;

    // The closure runs once per rendered frame (~60 times a second).
    window.render_loop(move |mut frame_input| {
        camera.set_viewport(frame_input.viewport);

        let forced = frame_input
            .events
            .iter()
            .any(|e| matches!(e, Event::KeyPress { kind: Key::R, .. }));
        if forced || frame_input.accumulated_time - last_refresh > REFRESH_MS {
            last_refresh = frame_input.accumulated_time;

            let ch = clickhouse::Client::default()
                .with_url(&ch_url)
                .with_database("telemetry");
            match rt.block_on(hourly_throughput(&ch)) {
                Ok(rows) => {
                    heights = [0.0; HOURS];
                    for row in rows {
                        if let Some(h) = heights.get_mut(row.hour_offset as usize) {
                            *h = row.pallets as f32 / 25.0;
                        }
                    }
                }
                Err(e) => eprintln!("throughput refresh failed: {e}"),
            }
            if let Ok(n) = alerts::open_count(&alert_pool) {
                open_alerts = n;
            }
            if let Ok(doors) = tiles::load(&dock_pool) {
                occupied_doors = doors.iter().filter(|d| d.occupied).count();
                if let Some(last) = doors.last() {
                    println!("doors occupied: {occupied_doors}/{}", last.door);
                }
            }
        }

        let color = if open_alerts > 0 {
            Srgba::new(255, 176, 32, 255)
        } else {
            Srgba::new(64, 160, 255, 255)
        };
        for (i, bar) in bars.iter_mut().enumerate() {
            let h = heights[i].max(0.05);
            let x = (HOURS as f32 / 2.0 - i as f32) * 1.0;
            bar.set_transformation(
                Mat4::from_translation(vec3(x, h / 2.0, 0.0))
                    * Mat4::from_nonuniform_scale(0.35, h / 2.0, 0.35),
            );
            bar.material.color = color;
        }

        frame_input
            .screen()
            .clear(ClearState::color_and_depth(0.05, 0.05, 0.08, 1.0, 1.0))
            .render(&camera, &bars, &[&light]);

        FrameOutput::default()
    });

    Ok(())
}
