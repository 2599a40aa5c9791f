#![windows_subsystem = "windows"]

mod services;

use std::ffi::c_void;

use mysql::prelude::*;
use serde::Serialize;
use windows::core::*;
use windows::Win32::Foundation::*;
use windows::Win32::Graphics::Gdi::*;
use windows::Win32::System::LibraryLoader::GetModuleHandleW;
use windows::Win32::UI::WindowsAndMessaging::*;

const ID_CHECKIN: i32 = 101;
const TIMER_REFRESH: usize = 1;

#[derive(Serialize)]
struct YardEvent<'a> {
    dock: &'a str,
    trailer: &'a str,
    event: &'a str,
}

fn main() -> anyhow::Result<()> {
    services::init()?;

    unsafe {
        let instance = GetModuleHandleW(None)?;
        let class = w!("DockKiosk");
        let wc = WNDCLASSW {
            hCursor: LoadCursorW(None, IDC_ARROW)?,
            hInstance: instance.into(),
            lpszClassName: class,
            style: CS_HREDRAW | CS_VREDRAW,
            lpfnWndProc: Some(wndproc),
            ..Default::default()
        };
        RegisterClassW(&wc);

        let hwnd = CreateWindowExW(
            WINDOW_EX_STYLE::default(),
            class,
            w!("Dock check-in"),
            WS_OVERLAPPEDWINDOW | WS_VISIBLE,
            CW_USEDEFAULT,
            CW_USEDEFAULT,
            520,
            320,
            None,
            None,
            instance,
            None,
        )?;

        CreateWindowExW(
            WINDOW_EX_STYLE::default(),
            w!("BUTTON"),
            w!("Check in next trailer"),
            WS_CHILD | WS_VISIBLE | WINDOW_STYLE(BS_DEFPUSHBUTTON as u32),
            20,
            20,
            220,
            48,
            hwnd,
            HMENU(ID_CHECKIN as isize as *mut c_void),
            instance,
            None,
        )?;

        SetTimer(hwnd, TIMER_REFRESH, 30_000, None);

        let mut msg = MSG::default();
        while GetMessageW(&mut msg, None, 0, 0).into() {
            let _ = TranslateMessage(&msg);
            DispatchMessageW(&msg);
        }
    }
    Ok(())
}

extern "system" fn wndproc(hwnd: HWND, message: u32, wparam: WPARAM, lparam: LPARAM) -> LRESULT {
    unsafe {
        match message {
            WM_COMMAND if (wparam.0 & 0xffff) as i32 == ID_CHECKIN => {
                if let Err(e) = check_in_next() {
                    show_error(hwnd, &e.to_string());
                }
                let _ = InvalidateRect(hwnd, None, true);
                LRESULT(0)
            }
            WM_TIMER if wparam.0 == TIMER_REFRESH => {
                let _ = InvalidateRect(hwnd, None, true);
                LRESULT(0)
            }
            WM_PAINT => {
                let mut ps = PAINTSTRUCT::default();
                let hdc = BeginPaint(hwnd, &mut ps);
                let lines = waiting_trailers().unwrap_or_else(|e| vec![format!("error: {e}")]);
                for (i, line) in lines.iter().enumerate() {
                    let text: Vec<u16> = line.encode_utf16().collect();
                    let _ = TextOutW(hdc, 20, 90 + (i as i32) * 22, &text);
                }
                let _ = EndPaint(hwnd, &ps);
                LRESULT(0)
            }
            WM_DESTROY => {
                let _ = KillTimer(hwnd, TIMER_REFRESH);
                PostQuitMessage(0);
                LRESULT(0)
            }
            _ => DefWindowProcW(hwnd, message, wparam, lparam),
        }
    }
}

fn waiting_trailers() -> anyhow::Result<Vec<String>> {
    let svc = services::get();
    let mut conn = svc.db.get_conn()?;
    let rows: Vec<(String, String)> = conn.exec(
        "SELECT trailer_no, carrier FROM yard_queue WHERE dock = ? AND status = 'waiting' ORDER BY arrived_at LIMIT 10",
        (&svc.dock,),
    )?;
    Ok(rows.into_iter().map(|(t, c)| format!("{t}  {c}")).collect())
}

fn check_in_next() -> anyhow::Result<()> {
    let svc = services::get();
    let mut conn = svc.db.get_conn()?;
    let mut tx = conn.start_transaction(mysql::TxOpts::default())?;
    let next: Option<String> = tx.exec_first(
        "SELECT trailer_no FROM yard_queue WHERE dock = ? AND status = 'waiting' ORDER BY arrived_at LIMIT 1 FOR UPDATE",
        (&svc.dock,),
    )?;
    let Some(trailer) = next else { return Ok(()) };
    tx.exec_drop(
        "UPDATE yard_queue SET status = 'at_dock', docked_at = NOW() WHERE trailer_no = ?",
        (&trailer,),
    )?;
    tx.commit()?;

    svc.http
        .post("https://yms.internal/api/events")
        .send_json(YardEvent { dock: &svc.dock, trailer: &trailer, event: "docked" })?;
    Ok(())
}

unsafe fn show_error(hwnd: HWND, text: &str) {
    let wide: Vec<u16> = text.encode_utf16().chain(std::iter::once(0)).collect();
    MessageBoxW(hwnd, PCWSTR(wide.as_ptr()), w!("Dock kiosk"), MB_ICONERROR);
}
