//! Pico W greenhouse node. Joins the greenhouse Wi-Fi, then once a minute
//! reads the soil probe (ADC0) and the RP2040 die temperature and POSTs a
//! JSON reading to the local gateway.
//!
//! Networking notes: the TCP socket pool is the statically allocated
//! `TcpClientState<2, ..>` (two sockets, created once). reqwless'
//! `HttpClient` is a borrowed view over that TcpClient and the DNS socket
//! with no pool or connection of its own, so creating it per request is the
//! intended use; the connection it opens is closed when the response is done.

#![no_std]
#![no_main]

use core::fmt::Write as _;

use cyw43_pio::PioSpi;
use defmt::{info, unwrap, warn};
use embassy_executor::Spawner;
use embassy_net::dns::DnsSocket;
use embassy_net::tcp::client::{TcpClient, TcpClientState};
use embassy_net::{Config, Stack, StackResources};
use embassy_rp::adc::{self, Adc, Channel};
use embassy_rp::bind_interrupts;
use embassy_rp::gpio::{Level, Output, Pull};
use embassy_rp::peripherals::{DMA_CH0, PIO0};
use embassy_rp::pio::{self, Pio};
use embassy_time::{Duration, Timer};
use heapless::String;
use reqwless::client::HttpClient;
use reqwless::headers::ContentType;
use reqwless::request::{Method, RequestBuilder};
use static_cell::StaticCell;
use {defmt_rtt as _, panic_probe as _};

const WIFI_SSID: &str = env!("GH_WIFI_SSID");
const WIFI_PASS: &str = env!("GH_WIFI_PASS");
const GATEWAY_URL: &str = "http://192.168.50.2:8080/api/v1/readings";
const NODE_ID: &str = env!("GH_NODE_ID");

bind_interrupts!(struct Irqs {
    PIO0_IRQ_0 => pio::InterruptHandler<PIO0>;
    ADC_IRQ_FIFO => adc::InterruptHandler;
});

#[embassy_executor::task]
async fn wifi_task(runner: cyw43::Runner<'static, Output<'static>, PioSpi<'static, PIO0, 0, DMA_CH0>>) -> ! {
    runner.run().await
}

#[embassy_executor::task]
async fn net_task(stack: &'static Stack<cyw43::NetDriver<'static>>) -> ! {
    stack.run().await
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    let p = embassy_rp::init(Default::default());

    let fw = include_bytes!("../cyw43-firmware/43439A0.bin");
    let clm = include_bytes!("../cyw43-firmware/43439A0_clm.bin");

    let pwr = Output::new(p.PIN_23, Level::Low);
    let cs = Output::new(p.PIN_25, Level::High);
    let mut pio = Pio::new(p.PIO0, Irqs);
    let spi = PioSpi::new(&mut pio.common, pio.sm0, pio.irq0, cs, p.PIN_24, p.PIN_29, p.DMA_CH0);

    static WIFI_STATE: StaticCell<cyw43::State> = StaticCell::new();
    let state = WIFI_STATE.init(cyw43::State::new());
    let (net_device, mut control, runner) = cyw43::new(state, pwr, spi, fw).await;
    unwrap!(spawner.spawn(wifi_task(runner)));

    control.init(clm).await;
    control.set_power_management(cyw43::PowerManagementMode::PowerSave).await;

    static STACK: StaticCell<Stack<cyw43::NetDriver<'static>>> = StaticCell::new();
    static RESOURCES: StaticCell<StackResources<4>> = StaticCell::new();
    let stack = &*STACK.init(Stack::new(
        net_device,
        Config::dhcpv4(Default::default()),
        RESOURCES.init(StackResources::<4>::new()),
        0x5eed_6a11_c0ff_ee42,
    ));
    unwrap!(spawner.spawn(net_task(stack)));

    // Join retry: the AP in the potting shed takes a while after power cuts.
    loop {
        match control.join_wpa2(WIFI_SSID, WIFI_PASS).await {
            Ok(()) => break,
            Err(e) => {
                warn!("wifi join failed: status {}", e.status);
                Timer::after(Duration::from_secs(10)).await;
            }
        }
    }
    stack.wait_config_up().await;
    info!("network up");

    static TCP_STATE: StaticCell<TcpClientState<2, 1024, 1024>> = StaticCell::new();
    let tcp = TcpClient::new(stack, TCP_STATE.init(TcpClientState::new()));
    let dns = DnsSocket::new(stack);

    let mut adc = Adc::new(p.ADC, Irqs, adc::Config::default());
    let mut soil = Channel::new_pin(p.PIN_26, Pull::None);
    let mut die_temp = Channel::new_temp_sensor(p.ADC_TEMP_SENSOR);
    let mut rx_buf = [0u8; 1024];
    let mut seq: u32 = 0;

    loop {
        let soil_raw = adc.read(&mut soil).await.unwrap_or(0);
        let temp_raw = adc.read(&mut die_temp).await.unwrap_or(0);
        let temp_c = 27.0 - ((temp_raw as f32) * 3.3 / 4096.0 - 0.706) / 0.001721;

        let mut body: String<160> = String::new();
        let _ = write!(
            body,
            "{{\"node\":\"{}\",\"seq\":{},\"soil_raw\":{},\"temp_c\":{:.1}}}",
            NODE_ID, seq, soil_raw, temp_c
        );

        let mut http = HttpClient::new(&tcp, &dns);
        match http.request(Method::POST, GATEWAY_URL).await {
            Ok(req) => {
                let mut req = req.body(body.as_bytes()).content_type(ContentType::ApplicationJson);
                match req.send(&mut rx_buf).await {
                    Ok(_resp) => info!("reading {} sent", seq),
                    Err(e) => warn!("post failed: {:?}", e),
                }
            }
            Err(e) => warn!("connect to gateway failed: {:?}", e),
        }

        seq = seq.wrapping_add(1);
        Timer::after(Duration::from_secs(60)).await;
    }
}
