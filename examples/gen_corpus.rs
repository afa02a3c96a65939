//! Writes a generated corpus to a directory: one `.txt` per article and `answers.json`,
//! the injected conflicts with every source pair that carries them.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --sources 300 --out /tmp/corpus300
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut cfg = corpus::Config::new(300);
    let mut out = PathBuf::from("corpus");
    let mut stories = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("`{a}` needs a value"))
        };
        match a.as_str() {
            "--sources" => cfg.sources = value()?.parse()?,
            "--stories" => stories = Some(value()?.parse()?),
            "--seed" => cfg.seed = value()?.parse()?,
            "--conflict-rate" => cfg.conflict_rate = value()?.parse()?,
            "--out" => out = PathBuf::from(value()?),
            "-h" | "--help" => {
                println!("usage: gen_corpus [--sources N] [--stories M] [--seed S] [--conflict-rate P] [--out DIR]");
                return Ok(());
            }
            other => anyhow::bail!("unknown argument `{other}`"),
        }
    }
    cfg.stories = stories.unwrap_or_else(|| corpus::Config::new(cfg.sources).stories);
    let c = corpus::generate(&cfg);
    std::fs::create_dir_all(&out)?;
    for a in &c.articles {
        std::fs::write(out.join(&a.path), &a.text)?;
    }
    std::fs::write(out.join("answers.json"), c.manifest_json())?;
    eprintln!(
        "wrote {} articles ({} stories, {:.1} MB, {} injected conflicts) to {}",
        c.articles.len(),
        cfg.stories,
        c.bytes() as f64 / 1e6,
        c.conflicts.len(),
        out.display()
    );
    Ok(())
}
