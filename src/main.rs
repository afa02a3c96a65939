//! The `crosscheck` binary: everything lives in the library's `cli` module.

// mimalloc: the pipeline makes many small, short-lived allocations (words, keys, spans),
// which it serves in a fraction of the system allocator's time.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

extern "C" {
    fn mi_option_set(option: i32, value: std::ffi::c_long);
}

fn main() -> std::process::ExitCode {
    // Pages a stage frees go back at once, not after mimalloc's default delay (a second
    // in v3, 10 ms in v2), which a stage seldom outlasts: about 11% less peak memory on
    // 1,000 articles (4 MB with v2), 6% on a 50 MB line, same time (#22). 15 is
    // `mi_option_purge_delay` in both; the environment's `MIMALLOC_PURGE_DELAY` still wins.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one of mimalloc's options, a plain store it allows at any time.
        unsafe { mi_option_set(15, 0) }
    }
    crosscheck::cli::main()
}
