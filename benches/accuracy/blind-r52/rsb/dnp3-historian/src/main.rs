use std::time::Duration;

use anyhow::Context;
use dnp3::app::{ConnectStrategy, NullListener};
use dnp3::decode::AppDecodeLevel;
use dnp3::link::{EndpointAddress, LinkErrorMode};
use dnp3::master::{
    AssociationConfig, Classes, EventClasses, MasterChannelConfig, ReadRequest, TimeSyncProcedure,
};
use dnp3::tcp::{spawn_master_tcp_client, EndpointList};

mod alarms;
mod handler;
mod historian;

/// One RTU as configured in OUTSTATIONS="name@host:port/addr,name@host:port/addr"
#[derive(Debug)]
struct Outstation {
    name: String,
    endpoint: String,
    address: u16,
}

fn outstations_from_env() -> anyhow::Result<Vec<Outstation>> {
    let raw = std::env::var("OUTSTATIONS").context("OUTSTATIONS is not set")?;
    raw.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|entry| {
            let (name, rest) = entry.trim().split_once('@').context("expected name@host:port/addr")?;
            let (endpoint, addr) = rest.rsplit_once('/').context("missing /addr")?;
            Ok(Outstation {
                name: name.to_string(),
                endpoint: endpoint.to_string(),
                address: addr.parse().context("bad outstation address")?,
            })
        })
        .collect()
}

fn association_config() -> AssociationConfig {
    let mut config = AssociationConfig::new(
        EventClasses::all(),
        EventClasses::all(),
        Classes::all(),
        EventClasses::none(),
    );
    config.auto_time_sync = Some(TimeSyncProcedure::Lan);
    config.keep_alive_timeout = Some(Duration::from_secs(60));
    config
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let database_url =
        std::env::var("HISTORIAN_DATABASE_URL").context("HISTORIAN_DATABASE_URL is not set")?;
    let pager_url = std::env::var("PAGER_WEBHOOK_URL").context("PAGER_WEBHOOK_URL is not set")?;

    let historian = historian::Historian::connect(&database_url).await?;
    let alarms = alarms::AlarmSink::connect(&database_url, pager_url).await?;

    // tag names and deadbands are needed for the whole run
    let meta_conn = historian.pool().get().await?;
    let points = historian::load_point_map(&meta_conn).await?;
    log::info!("loaded {} point definitions", points.len());

    let mut channels = Vec::new();
    for os in outstations_from_env()? {
        let mut config = MasterChannelConfig::new(EndpointAddress::try_new(1)?);
        config.decode_level = AppDecodeLevel::ObjectHeaders.into();

        let mut channel = spawn_master_tcp_client(
            LinkErrorMode::Close,
            config,
            EndpointList::new(os.endpoint.clone(), &[]),
            ConnectStrategy::default(),
            NullListener::create(),
        );

        let read_handler = handler::PointHandler::new(
            os.name.clone(),
            points.clone(),
            historian.clone(),
            alarms.clone(),
        );
        let mut association = channel
            .add_association(
                EndpointAddress::try_new(os.address)?,
                association_config(),
                Box::new(read_handler),
                Box::new(handler::Assoc),
                Box::new(handler::Assoc),
            )
            .await?;

        // events every 2 s, integrity scan every 5 min
        association
            .add_poll(ReadRequest::ClassScan(Classes::class123()), Duration::from_secs(2))
            .await?;
        association
            .add_poll(ReadRequest::ClassScan(Classes::class0()), Duration::from_secs(300))
            .await?;

        channel.enable().await?;
        log::info!("polling {} at {} (addr {})", os.name, os.endpoint, os.address);
        channels.push((channel, association));
    }

    let mut ticker = tokio::time::interval(Duration::from_secs(60));
    loop {
        ticker.tick().await;
        let stats = historian.stats();
        log::info!(
            "historian: {} rows written, {} failed batches, {} channels",
            stats.rows,
            stats.errors,
            channels.len()
        );
    }
}
