//! The `crosscheck` binary: everything lives in the library's `cli` module.

// mimalloc: the pipeline makes many small, short-lived allocations (words, keys, spans),
// which it serves in a fraction of the system allocator's time.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    crosscheck::cli::main()
}
