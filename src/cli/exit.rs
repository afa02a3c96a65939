//! Exit statuses.

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Success.
    Ok = 0,
    /// `lint` found something at or above `--deny`.
    LintFailed = 1,
    /// Bad usage, a bad claims pack, or an input that could not be read.
    Usage = 2,
}

impl Status {
    /// The process exit code.
    pub fn code(self) -> u8 {
        self as u8
    }
}
