//! Arbitrary bytes as `report --claims-from` JSONL, through the CLI in-process.
//!
//! Every line is either read as a record or named on stderr; nothing allocates from a
//! length or offset it has not checked (the run is made with a 1 MiB source limit, so a
//! forged `text_len` cannot ask for more), nothing panics, and the exit code is 0 or 2.
//! A seed from `crosscheck extract --format jsonl` keeps the fuzzer near valid records.

#![no_main]

use crosscheck::cli::{run, Io};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut stdin = data;
    let mut io = Io {
        stdout: &mut out,
        stderr: &mut err,
        stdin: &mut stdin,
        stdout_is_terminal: false,
        no_color: false,
        term_dumb: false,
        width: None,
    };
    let argv = [
        "crosscheck",
        "report",
        "--format",
        "json",
        "--max-source-size",
        "1M",
        "--claims-from",
        "-",
    ];
    let status = run(argv, &mut io).code();
    assert!(status == 0 || status == 2, "exit {status}");
    if status == 0 {
        serde_json::from_slice::<serde_json::Value>(&out).expect("a report is JSON");
    }
});
