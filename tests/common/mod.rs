//! The CLI run in-process (`cli::run` over in-memory handles), shared by the integration
//! tests that drive it.

use crosscheck::cli::{run, Io};

/// What one CLI run gave.
pub(crate) struct Run {
    pub(crate) status: u8,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Runs `crosscheck ARGS` with `stdin`, as if stdout were (or were not) a terminal of
/// `width` columns.
pub(crate) fn run_cli(args: &[&str], stdin: &[u8], terminal: bool, width: Option<usize>) -> Run {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut input = stdin;
    let mut io = Io {
        stdout: &mut out,
        stderr: &mut err,
        stdin: &mut input,
        stdout_is_terminal: terminal,
        no_color: false,
        term_dumb: false,
        width,
    };
    let mut argv = vec!["crosscheck"];
    argv.extend_from_slice(args);
    let status = run(argv, &mut io).code();
    Run {
        status,
        stdout: String::from_utf8(out).expect("the CLI writes UTF-8 to stdout"),
        stderr: String::from_utf8(err).expect("the CLI writes UTF-8 to stderr"),
    }
}
