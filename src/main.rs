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
    // The main thread is one of rayon's threads rather than a third that only waits on
    // the other two: each thread holds its own allocator heap, with partly used pages of
    // every size it has served (0.9 MB of peak memory on 1,000 articles, same time, #22).
    // With one thread there is no other to run work handed to the pool from outside it.
    let threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1);
    if threads > 1 {
        // an error means a pool exists already, which then serves as it is
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .use_current_thread()
            .build_global();
    }
    crosscheck::cli::main()
}
