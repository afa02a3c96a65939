//! The progress bar of a long run, on stderr.
//!
//! Input: the run's [`Progress`] counters, whether stderr is a terminal, `-q` and
//! `TERM=dumb`. Output: a bar drawn on stderr (bytes read, with sources read, extracted
//! and findings so far), only when stderr is a terminal, the run is not quiet, and the
//! inputs hold more than [`MANY_INPUTS`] files or a web archive of [`LARGE_ARCHIVE`] bytes
//! or more. It is cleared before results are written; stdout never sees it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::progress::Progress;

/// More inputs than this make a long run.
pub(super) const MANY_INPUTS: u64 = 300;
/// A web archive this large makes a long run.
pub(super) const LARGE_ARCHIVE: u64 = 64 << 20;
/// How often the bar is redrawn.
const TICK: Duration = Duration::from_millis(100);

/// The counters of a run and, when it may show one, the thread drawing its bar.
pub(super) struct Meter {
    progress: Arc<Progress>,
    drawer: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
}

impl Meter {
    /// Starts watching a run; `allowed` says whether a bar may be drawn at all (stderr is
    /// a terminal, not `-q`, not `TERM=dumb`).
    pub(super) fn start(allowed: bool) -> Meter {
        let progress = Arc::new(Progress::default());
        let drawer = allowed.then(|| {
            let stop = Arc::new(AtomicBool::new(false));
            let handle = {
                let (progress, stop) = (Arc::clone(&progress), Arc::clone(&stop));
                std::thread::spawn(move || draw(&progress, &stop))
            };
            (stop, handle)
        });
        Meter { progress, drawer }
    }

    /// The counters to update, when anyone watches them.
    pub(super) fn counters(&self) -> Option<&Progress> {
        self.drawer.as_ref().map(|_| &*self.progress)
    }

    /// Clears the bar (after drawing the final counts once, so even a quick long run shows
    /// them) and stops the drawing thread.
    pub(super) fn finish(mut self) {
        if let Some((stop, handle)) = self.drawer.take() {
            stop.store(true, Ordering::Release);
            let _ = handle.join();
        }
    }
}

impl Drop for Meter {
    fn drop(&mut self) {
        if let Some((stop, _)) = &self.drawer {
            stop.store(true, Ordering::Release);
        }
    }
}

/// Whether a run over these inputs is long enough for a bar.
fn is_long(p: &Progress) -> bool {
    Progress::get(&p.inputs) > MANY_INPUTS || Progress::get(&p.largest_archive) >= LARGE_ARCHIVE
}

/// The drawing thread: waits for the inputs to be listed, then, for a long run, draws
/// the counters until told to stop.
fn draw(p: &Progress, stop: &AtomicBool) {
    let mut bar: Option<ProgressBar> = None;
    loop {
        let stopping = stop.load(Ordering::Acquire);
        if bar.is_none() && p.planned.load(Ordering::Acquire) && is_long(p) {
            bar = Some(new_bar(Progress::get(&p.bytes)));
        }
        if let Some(b) = &bar {
            b.set_position(Progress::get(&p.bytes_read));
            b.set_message(format!(
                "{} sources read, {} extracted, {} findings",
                Progress::get(&p.sources),
                Progress::get(&p.extracted),
                Progress::get(&p.findings)
            ));
            if stopping {
                b.force_draw();
                b.finish_and_clear();
            }
        }
        if stopping {
            return;
        }
        std::thread::sleep(TICK);
    }
}

fn new_bar(bytes: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_long_past_a_few_hundred_inputs_or_with_a_large_archive() {
        let p = Progress::default();
        Progress::add(&p.inputs, MANY_INPUTS);
        assert!(!is_long(&p));
        Progress::add(&p.inputs, 1);
        assert!(is_long(&p));
        let q = Progress::default();
        Progress::add(&q.inputs, 1);
        Progress::add(&q.largest_archive, LARGE_ARCHIVE);
        assert!(is_long(&q));
    }

    #[test]
    fn a_meter_not_allowed_to_draw_counts_nothing() {
        let m = Meter::start(false);
        assert!(m.counters().is_none());
        m.finish();
    }
}
