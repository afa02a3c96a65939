//! `-o FILE` / `--output FILE`: where a command's results go.
//!
//! Input: the path given and the command to run. Output: the writer every command and
//! format writes through, which fills a temporary file in the target's directory and
//! renames it over the target only once the command has finished, so an interrupted or
//! failed run never leaves half a report where a full one is expected.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::{dispatch, Io, Run, Status};

/// `-o FILE`: the command writes into a temporary file renamed over FILE once it has
/// finished. A command that fails before writing anything leaves FILE as it was.
pub(super) fn to_file(run: &Run<'_>, path: &Path, io: &mut Io<'_>) -> Status {
    let shown = crate::report::sanitize(&path.display().to_string());
    let mut file = match AtomicFile::create(path) {
        Ok(f) => f,
        Err(e) => {
            let _ = writeln!(io.stderr, "error: cannot write `{shown}`: {e}");
            return Status::Usage;
        }
    };
    let result = dispatch(
        run,
        &mut Io {
            stdout: &mut file,
            stderr: &mut *io.stderr,
            stdin: &mut *io.stdin,
            stdout_is_terminal: false,
            no_color: io.no_color,
            term_dumb: io.term_dumb,
            width: io.width,
        },
    );
    let status = match result {
        Ok(status) => status,
        Err(e) => {
            // the temporary file goes with `file`: FILE keeps what it had
            let _ = writeln!(io.stderr, "error: {e:#}; `{shown}` was not written");
            return Status::Usage;
        }
    };
    if status == Status::Usage && file.is_empty() {
        return status;
    }
    match file.commit() {
        Ok(()) => status,
        Err(e) => {
            let _ = writeln!(io.stderr, "error: cannot write `{shown}`: {e}");
            Status::Usage
        }
    }
}

/// A file being written: the results go to a temporary file beside `path`.
pub(super) struct AtomicFile {
    path: PathBuf,
    temp: BufWriter<tempfile::NamedTempFile>,
    written: u64,
}

impl AtomicFile {
    /// Opens a temporary file in the directory of `path` (the working directory for a
    /// bare name).
    pub(super) fn create(path: &Path) -> io::Result<AtomicFile> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".crosscheck-").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // a report is for others to read, like a file the shell redirects to
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        let temp = builder.tempfile_in(dir)?;
        Ok(AtomicFile {
            path: path.to_owned(),
            temp: BufWriter::new(temp),
            written: 0,
        })
    }

    /// Whether anything was written.
    pub(super) fn is_empty(&self) -> bool {
        self.written == 0
    }

    /// Flushes the results to disk and renames them over the target.
    pub(super) fn commit(self) -> io::Result<()> {
        let temp = self
            .temp
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        temp.as_file().sync_all()?;
        temp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.temp.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_appears_only_on_commit_and_replaces_the_old_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("report.md");
        std::fs::write(&target, "old").expect("write");
        let mut f = AtomicFile::create(&target).expect("create");
        assert!(f.is_empty());
        f.write_all(b"new report\n").expect("write");
        assert!(!f.is_empty());
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old");
        f.commit().expect("commit");
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            "new report\n"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.md")]);
    }

    #[test]
    fn a_dropped_file_leaves_the_target_alone_and_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("out.json");
        let mut f = AtomicFile::create(&target).expect("create");
        f.write_all(b"{\"half\":").expect("write");
        drop(f);
        assert!(!target.exists());
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
    }
}
