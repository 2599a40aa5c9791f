//! `connlint budget --chart FILE`: an SVG chart of the budget (plotters' SVG backend). One
//! horizontal bar per database, split into its pools (each pool's connections: its size per
//! process × the processes that hold it), a red mark at the database's limit and, when the
//! live server was read, a blue one at what it allows applications.

use plotters::prelude::*;

use crate::budget::Budget;

/// Colours of the pools' segments, in turn.
const PALETTE: &[RGBColor] = &[
    RGBColor(0x4e, 0x79, 0xa7),
    RGBColor(0xf2, 0x8e, 0x2b),
    RGBColor(0x59, 0xa1, 0x4f),
    RGBColor(0xb0, 0x7a, 0xa1),
    RGBColor(0x76, 0xb7, 0xb2),
    RGBColor(0xed, 0xc9, 0x48),
    RGBColor(0x9c, 0x75, 0x5f),
    RGBColor(0xba, 0xb0, 0xac),
];

/// The chart as an SVG document.
pub fn svg(b: &Budget) -> Result<String, String> {
    let rows = b.databases.len().max(1);
    let pools: usize = b.databases.iter().map(|d| d.pools.len()).sum();
    let plot_height = 100 + 60 * u32::try_from(rows).unwrap_or(1);
    let legend_rows = u32::try_from(pools + rows * 2).unwrap_or(0);
    let height = plot_height + 20 + 20 * legend_rows;
    let available = b.server.as_ref().map(crate::livedb::Server::available);
    let top = b
        .databases
        .iter()
        .map(|d| d.total.max(d.limit.as_ref().map_or(0, |l| l.value)))
        .chain(available)
        .max()
        .unwrap_or(1)
        .max(1);
    let x_max = top + top / 8 + 1;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (900, height)).into_drawing_area();
        let e = |e: &dyn std::fmt::Display| format!("cannot draw the chart: {e}");
        root.fill(&WHITE).map_err(|x| e(&x))?;
        let (plot, legend_area) = root.split_vertically(plot_height);
        // (colour, dash: a limit mark rather than a pool, text)
        let mut legend: Vec<(RGBColor, bool, String)> = Vec::new();
        let names: Vec<String> = b.databases.iter().map(|d| d.name.clone()).collect();
        let mut chart = ChartBuilder::on(&plot)
            .caption(
                "Connections the pools may open, per database, against its limit",
                ("sans-serif", 18),
            )
            .margin(16)
            .x_label_area_size(36)
            .y_label_area_size(170)
            .build_cartesian_2d(0f64..x_max as f64, 0f64..rows as f64)
            .map_err(|x| e(&x))?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(rows * 2 + 1)
            .y_label_formatter(&|y| {
                // A label at each bar's middle only.
                let i = (y - 0.5).round();
                if (y - 0.5 - i).abs() < 1e-6 && i >= 0.0 {
                    names.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .x_label_formatter(&|x| format!("{x:.0}"))
            .label_style(("sans-serif", 13))
            .axis_desc_style(("sans-serif", 13))
            .x_desc("connections")
            .draw()
            .map_err(|x| e(&x))?;
        let mut colour = 0usize;
        for (i, d) in b.databases.iter().enumerate() {
            let y0 = i as f64 + 0.2;
            let y1 = i as f64 + 0.8;
            let mut start = 0u64;
            for p in &d.pools {
                if p.connections == 0 {
                    continue;
                }
                let c = PALETTE[colour % PALETTE.len()];
                colour += 1;
                let end = start + p.connections;
                let label = format!(
                    "{}:{} {} × {} = {}",
                    p.path,
                    p.line,
                    p.max.map_or("?".to_string(), |m| m.to_string()),
                    p.processes,
                    p.connections
                );
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(start as f64, y0), (end as f64, y1)],
                        c.filled(),
                    )))
                    .map_err(|x| e(&x))?;
                legend.push((c, false, label));
                start = end;
            }
            if let Some(l) = &d.limit {
                let x = l.value as f64;
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(x, i as f64 + 0.05), (x, i as f64 + 0.95)],
                        RED.stroke_width(3),
                    )))
                    .map_err(|x| e(&x))?;
                legend.push((
                    RED,
                    true,
                    format!("{}: limit {} ({})", d.name, l.value, l.why),
                ));
            }
            if let Some(a) = available {
                let x = a as f64;
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(x, i as f64 + 0.05), (x, i as f64 + 0.95)],
                        BLUE.stroke_width(2),
                    )))
                    .map_err(|x| e(&x))?;
                legend.push((BLUE, true, format!("live server: {a} for applications")));
            }
        }
        // The legend under the chart: a swatch (a pool) or a mark (a limit), and its text.
        for (k, (c, mark, text)) in legend.iter().enumerate() {
            let y = 10 + 20 * i32::try_from(k).unwrap_or(0);
            if *mark {
                legend_area
                    .draw(&PathElement::new(
                        vec![(190, y - 7), (190, y + 7)],
                        c.stroke_width(3),
                    ))
                    .map_err(|x| e(&x))?;
            } else {
                legend_area
                    .draw(&Rectangle::new([(184, y - 6), (196, y + 6)], c.filled()))
                    .map_err(|x| e(&x))?;
            }
            legend_area
                .draw_text(
                    text,
                    &("sans-serif", 13).into_text_style(&legend_area),
                    (206, y - 7),
                )
                .map_err(|x| e(&x))?;
        }
        root.present().map_err(|x| e(&x))?;
    }
    Ok(out)
}
