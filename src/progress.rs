//! Counters a long run updates as it goes, for a progress display.
//!
//! Input: the stages that read and extract sources add to them. Output: numbers a display
//! may read at any moment from another thread. Nothing reads them back into a result, so a
//! run observed and one not observed give the same output.

use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// How far a run has got.
#[derive(Debug, Default)]
pub(crate) struct Progress {
    /// Whether the inputs have been listed (`inputs` and `bytes` are then known).
    pub(crate) planned: AtomicBool,
    /// Files (and standard input) to read.
    pub(crate) inputs: AtomicU64,
    /// Their size, in bytes.
    pub(crate) bytes: AtomicU64,
    /// The largest web archive among them, in bytes.
    pub(crate) largest_archive: AtomicU64,
    /// Bytes read so far.
    pub(crate) bytes_read: AtomicU64,
    /// Sources read so far (a web archive gives many).
    pub(crate) sources: AtomicU64,
    /// Sources extracted so far.
    pub(crate) extracted: AtomicU64,
    /// Findings once compared.
    pub(crate) findings: AtomicU64,
}

impl Progress {
    /// Adds `n` to a counter.
    pub(crate) fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    /// A counter's value.
    pub(crate) fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }
}

/// A reader that adds what it reads to [`Progress::bytes_read`].
pub(crate) struct Counted<'a, R> {
    pub(crate) inner: R,
    pub(crate) progress: &'a Progress,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        Progress::add(&self.progress.bytes_read, n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counted_reader_adds_what_it_reads() {
        let p = Progress::default();
        let mut r = Counted {
            inner: &b"twelve bytes"[..],
            progress: &p,
        };
        let mut s = String::new();
        r.read_to_string(&mut s).expect("read");
        assert_eq!(Progress::get(&p.bytes_read), 12);
    }

    #[test]
    fn reading_counts_inputs_bytes_and_sources_also_inside_an_archive() {
        let pack = crate::Pack::default_pack();
        let dir = tempfile::tempdir().expect("temp dir");
        let page = b"<html><body><article><h1>Ferry late again</h1><p>The island ferry left forty minutes late on Friday morning, the third delay this month, and passengers waited on the pier in the rain.</p><p>The operator said a crew shortage was to blame and that two more deckhands would start work next week.</p></article></body></html>";
        let warc = crate::ingest::write_warc(
            &[
                ("https://example.org/a", "2024-05-10T08:00:00Z", &page[..]),
                ("https://example.org/b", "2024-05-10T08:00:00Z", &page[..]),
            ],
            true,
        );
        std::fs::write(dir.path().join("crawl.warc.gz"), &warc).expect("write");
        let text = "The ferry left 40 minutes late, the operator said.\n";
        std::fs::write(dir.path().join("note.txt"), text).expect("write");
        let p = Progress::default();
        let inputs = [crate::Input::Path(dir.path().to_owned())];
        let got = crate::ingest::ingest_observed(
            &inputs,
            crate::ingest::Encoding::Utf8,
            crate::ingest::Limits::default(),
            &pack,
            Some(&p),
        );
        assert!(got.errors.is_empty(), "{:?}", got.errors);
        assert!(got.notes.is_empty(), "{:?}", got.notes);
        assert_eq!(got.sources.len(), 3);
        assert!(p.planned.load(Ordering::Acquire));
        assert_eq!(Progress::get(&p.inputs), 2);
        let bytes = (warc.len() + text.len()) as u64;
        assert_eq!(Progress::get(&p.bytes), bytes);
        assert_eq!(Progress::get(&p.bytes_read), bytes);
        assert_eq!(Progress::get(&p.largest_archive), warc.len() as u64);
        assert_eq!(Progress::get(&p.sources), 3);
    }
}
