//! Output does not depend on the thread count or on the order of the sources, over a
//! generated corpus with traps and injected conflicts (the corpus of `benches/`).

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::collections::BTreeSet;

use crosscheck::{analyze, Options, Pack, Source};

fn small_corpus() -> corpus::Corpus {
    let mut cfg = corpus::Config::new(32);
    cfg.stories = 4;
    cfg.conflict_rate = 0.2;
    corpus::generate(&cfg)
}

fn sources(pack: &Pack, c: &corpus::Corpus) -> Vec<Source> {
    c.articles
        .iter()
        .map(|a| Source::from_text(&a.id, &a.path, &a.text, pack))
        .collect()
}

fn report_json(pack: &Pack, sources: Vec<Source>, threads: usize) -> String {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a rayon pool of 1 or 2 threads");
    pool.install(|| {
        let analysis = analyze(pack, sources, &Options::default());
        let mut out = Vec::new();
        crosscheck::report::json::render_report(&analysis, &mut out)
            .expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("serde_json writes UTF-8")
    })
}

/// Each finding as (verdict, kind, its claims as (source id, line, column, number)),
/// which names sources by id and so does not depend on their order.
fn finding_set(json: &str) -> BTreeSet<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("the report is JSON");
    let findings = v["findings"].as_array().expect("findings is an array");
    findings
        .iter()
        .map(|f| {
            let claims: BTreeSet<String> = f["claims"]
                .as_array()
                .expect("claims is an array")
                .iter()
                .map(|c| {
                    format!(
                        "{}:{}:{}={}",
                        c["source"], c["line"], c["column"], c["number"]
                    )
                })
                .collect();
            format!("{} {} {:?}", f["verdict"], f["kind"], claims)
        })
        .collect()
}

#[test]
fn report_is_identical_on_one_and_two_threads() {
    let pack = Pack::default_pack();
    let c = small_corpus();
    let one = report_json(&pack, sources(&pack, &c), 1);
    let two = report_json(&pack, sources(&pack, &c), 2);
    assert_eq!(one, two);
    assert!(one.contains("\"schema\": \"crosscheck/report@1\""));
}

#[test]
fn reversed_sources_give_the_same_findings() {
    let pack = Pack::default_pack();
    let c = small_corpus();
    let forward = report_json(&pack, sources(&pack, &c), 2);
    let mut reversed = sources(&pack, &c);
    reversed.reverse();
    let backward = report_json(&pack, reversed, 2);
    pretty_assertions::assert_eq!(finding_set(&forward), finding_set(&backward));
    // The same report on one thread, reversed, too.
    let mut reversed = sources(&pack, &c);
    reversed.reverse();
    assert_eq!(backward, report_json(&pack, reversed, 1));
}

#[test]
fn generator_is_deterministic_and_records_its_conflicts() {
    let a = small_corpus();
    let b = small_corpus();
    assert_eq!(a.articles.len(), 32);
    assert!(a
        .articles
        .iter()
        .zip(&b.articles)
        .all(|(x, y)| x.id == y.id && x.text == y.text));
    assert_eq!(a.manifest_json(), b.manifest_json());
    assert!(
        !a.conflicts.is_empty(),
        "a 20% rate over 32 articles injects some"
    );
    for c in &a.conflicts {
        assert!(
            c.value < c.expected,
            "{c:?}: injected figures sit below the truth"
        );
        assert!(c
            .agreeing
            .iter()
            .all(|(id, v)| *id != c.source && *v > c.value));
    }
    // About 4.5 KB per article, as the issue asks.
    let avg = a.bytes() / a.articles.len();
    assert!(
        (3500..5500).contains(&avg),
        "average article is {avg} bytes"
    );
}

#[test]
fn article_i_does_not_depend_on_corpus_size() {
    let small = corpus::generate(&corpus::Config {
        stories: 3,
        ..corpus::Config::new(5)
    });
    let large = corpus::generate(&corpus::Config {
        stories: 3,
        ..corpus::Config::new(50)
    });
    assert_eq!(small.articles[4].text, large.articles[4].text);
}

#[test]
fn score_counts_an_injected_pair_and_rejects_a_cross_story_pair() {
    let c = small_corpus();
    let index = |id: &str| c.articles.iter().position(|a| a.id == id).unwrap();
    let hit = c
        .conflicts
        .iter()
        .find(|x| !x.agreeing.is_empty())
        .expect("some injection has agreeing sources");
    let good = vec![
        (index(&hit.source), Some(hit.value)),
        (index(&hit.agreeing[0].0), Some(hit.agreeing[0].1)),
    ];
    let other_story = c
        .articles
        .iter()
        .position(|a| a.story != hit.story)
        .unwrap();
    let bad = vec![
        (index(&hit.source), Some(hit.value)),
        (other_story, Some(1.0)),
    ];
    let s = corpus::score(&c, &[good, bad]);
    assert_eq!(s.reported, 2);
    assert_eq!(s.correct, 1);
    assert!(s.found >= 1);
    assert!((s.precision() - 0.5).abs() < 1e-9);
}
