//! Any bytes as any kind of content file: loading must return diagnostics,
//! never panic, hang or blow the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trangxa::content::Content;

const KEYS: [&str; 4] = ["tin-tuc/2026/01/bai", "van-ban/2026/1-qd", "don-vi/to", "trang/gioi-thieu"];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let mut content = Content::default();
    let _ = content.add_bytes(KEYS[usize::from(which) % KEYS.len()], rest.to_vec());
});
