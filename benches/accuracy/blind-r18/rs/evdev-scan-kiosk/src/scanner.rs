use evdev::Key;

/// Turns the scanner's key presses (it acts as a US keyboard) into complete
/// codes, emitted on Enter.
#[derive(Default)]
pub struct Decoder {
    buf: String,
    shift: bool,
}

impl Decoder {
    /// `value`: 1 = press, 0 = release, 2 = autorepeat.
    pub fn feed(&mut self, key: Key, value: i32) -> Option<String> {
        if key == Key::KEY_LEFTSHIFT || key == Key::KEY_RIGHTSHIFT {
            self.shift = value != 0;
            return None;
        }
        if value != 1 {
            return None;
        }
        if key == Key::KEY_ENTER || key == Key::KEY_KPENTER {
            let code = std::mem::take(&mut self.buf);
            return (!code.is_empty()).then_some(code);
        }
        if let Some(c) = to_char(key, self.shift) {
            self.buf.push(c);
        }
        None
    }
}

fn to_char(key: Key, shift: bool) -> Option<char> {
    let c = match key {
        Key::KEY_0 => '0',
        Key::KEY_1 => '1',
        Key::KEY_2 => '2',
        Key::KEY_3 => '3',
        Key::KEY_4 => '4',
        Key::KEY_5 => '5',
        Key::KEY_6 => '6',
        Key::KEY_7 => '7',
        Key::KEY_8 => '8',
        Key::KEY_9 => '9',
        Key::KEY_MINUS => '-',
        Key::KEY_SEMICOLON if shift => ':',
        Key::KEY_A => 'a',
        Key::KEY_E => 'e',
        Key::KEY_H => 'h',
        Key::KEY_M => 'm',
        Key::KEY_S => 's',
        Key::KEY_W => 'w',
        _ => return None,
    };
    Some(if shift { c.to_ascii_uppercase() } else { c })
}
