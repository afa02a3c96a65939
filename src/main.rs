//! The `crosscheck` binary: everything lives in the library's `cli` module.

fn main() -> std::process::ExitCode {
    crosscheck::cli::main()
}
