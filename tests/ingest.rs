//! Ingest: every input becomes a source or an error naming it; boilerplate is marked;
//! metadata records where it came from; manifest values win.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use std::path::PathBuf;

use crosscheck::ingest::{ingest, Encoding, Input, InputErrorKind, Origin};
use crosscheck::Pack;

const ARTICLE: &str = "Flood waters recede in river towns\n\nMarch 3, 2025\n\nRIVERTON (Wire) – At least 12 people died in the floods, officials said on Monday.\n\nRescue crews reached two villages on Sunday.\n\nShare this article\n\nFollow us on Telegram for the latest updates:\n\nLeave a Reply\n\nYou are commenting using your Twitter account. Log Out /  Change )\n\nConnecting to %s\n";

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn bad_files_are_named_and_good_ones_still_read() {
    let pack = Pack::default_pack();
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", ARTICLE.as_bytes());
    let latin = write(
        dir.path(),
        "latin.txt",
        b"Caf\xe9 owners said\nthe toll was 4.\n",
    );
    let empty = write(dir.path(), "empty.txt", b"  \n");
    let binary = write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let missing = dir.path().join("missing.txt");
    let inputs: Vec<Input> = [&good, &latin, &empty, &binary, &missing]
        .iter()
        .map(|p| Input::Path((*p).clone()))
        .collect();
    let got = ingest(&inputs, Encoding::Utf8, &pack);
    assert_eq!(got.sources.len(), 1);
    assert_eq!(got.sources[0].id.as_str(), "good");
    let kinds: Vec<&InputErrorKind> = got.errors.iter().map(|e| &e.kind).collect();
    assert_eq!(kinds.len(), 4, "{:?}", got.errors);
    assert!(matches!(
        kinds[0],
        InputErrorKind::NotUtf8 { offset: 3, line: 1 }
    ));
    assert!(matches!(kinds[1], InputErrorKind::Empty));
    assert!(matches!(kinds[2], InputErrorKind::Binary));
    assert!(matches!(kinds[3], InputErrorKind::NotFound));
    for e in &got.errors {
        assert!(
            e.to_string().contains(&e.path),
            "every error names its file: {e}"
        );
    }
}

#[test]
fn latin1_encoding_reads_what_utf8_rejects() {
    let pack = Pack::default_pack();
    let dir = tempfile::tempdir().unwrap();
    let latin = write(
        dir.path(),
        "latin.txt",
        b"Caf\xe9 owners said the toll was 4.\n",
    );
    let got = ingest(&[Input::Path(latin)], Encoding::Latin1, &pack);
    assert!(got.errors.is_empty());
    assert!(got.sources[0].text.starts_with("Café"));
}

#[test]
fn directories_are_read_recursively_in_order_skipping_other_files() {
    let pack = Pack::default_pack();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(dir.path(), "b.txt", ARTICLE.as_bytes());
    write(dir.path(), "a.md", ARTICLE.as_bytes());
    write(&dir.path().join("sub"), "c.txt", ARTICLE.as_bytes());
    write(dir.path(), "notes.pdf", b"%PDF-1.4");
    write(dir.path(), ".hidden.txt", ARTICLE.as_bytes());
    let got = ingest(
        &[Input::Path(dir.path().to_path_buf())],
        Encoding::Utf8,
        &pack,
    );
    let ids: Vec<&str> = got.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let skipped: Vec<(&str, &str)> = got
        .skipped
        .iter()
        .map(|s| (s.path.rsplit('/').next().unwrap_or(""), s.reason))
        .collect();
    assert_eq!(
        skipped,
        [
            (".hidden.txt", "hidden"),
            ("notes.pdf", "not a .txt, .md, .html or .warc article")
        ]
    );
    assert!(got.errors.is_empty());
}

#[test]
fn boilerplate_is_marked_and_article_text_is_not() {
    let pack = Pack::default_pack();
    let s = crosscheck::Source::from_text("a", "a.txt", ARTICLE, &pack);
    for noise in [
        "Share this article",
        "Follow us on Telegram",
        "Leave a Reply",
        "Connecting to %s",
        "March 3, 2025",
    ] {
        let at = ARTICLE.find(noise).unwrap();
        assert!(s.is_boilerplate(at), "`{noise}` should be boilerplate");
    }
    for text in [
        "RIVERTON (Wire)",
        "At least 12 people",
        "Rescue crews",
        "Flood waters recede",
    ] {
        let at = ARTICLE.find(text).unwrap();
        assert!(!s.is_boilerplate(at), "`{text}` is article text");
    }
}

#[test]
fn metadata_records_its_origin_and_manifest_wins() {
    let pack = Pack::default_pack();
    let s = crosscheck::Source::from_text("a", "a.txt", ARTICLE, &pack);
    let title = s.meta.title.as_ref().unwrap();
    assert_eq!(title.value, "Flood waters recede in river towns");
    assert_eq!(
        title.origin,
        Origin::Line {
            line: 1,
            what: "headline"
        }
    );
    assert_eq!(s.published(), Some(jiff::civil::date(2025, 3, 3)));
    assert_eq!(s.meta.outlet.as_ref().unwrap().value, "Wire");
    assert_eq!(s.meta.dateline.as_ref().unwrap().value, "RIVERTON");

    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let manifest = write(
        dir.path(),
        "story.toml",
        b"[[source]]\npath = \"a.txt\"\noutlet = \"River Gazette\"\npublished = \"2025-03-04\"\n",
    );
    let got = ingest(&[Input::Path(manifest)], Encoding::Utf8, &pack);
    assert!(got.errors.is_empty(), "{:?}", got.errors);
    let m = &got.sources[0].meta;
    assert_eq!(m.outlet.as_ref().unwrap().value, "River Gazette");
    assert_eq!(m.outlet.as_ref().unwrap().origin, Origin::Manifest);
    assert_eq!(
        got.sources[0].published(),
        Some(jiff::civil::date(2025, 3, 4))
    );
}

#[test]
fn a_malformed_manifest_is_an_error_with_its_line() {
    let pack = Pack::default_pack();
    let dir = tempfile::tempdir().unwrap();
    let manifest = write(
        dir.path(),
        "story.toml",
        b"[[source]]\npath = \"a.txt\"\npublished = \"last Tuesday\"\n",
    );
    let got = ingest(&[Input::Path(manifest)], Encoding::Utf8, &pack);
    assert_eq!(got.errors.len(), 1);
    let msg = got.errors[0].to_string();
    assert!(msg.contains("story.toml`:3:"), "{msg}");
    assert!(msg.contains("not a date"), "{msg}");
}

#[test]
fn bom_is_dropped_and_crlf_positions_stay_exact() {
    let pack = Pack::default_pack();
    let text = "\u{feff}Headline of the story here\r\n\r\nOfficials said 7 people died.\r\n";
    let s = crosscheck::Source::from_text("a", "a.txt", text, &pack);
    assert!(!s.text.starts_with('\u{feff}'));
    let at = s.text.find("7 people").unwrap();
    let p = s.position(at);
    assert_eq!((p.line, p.column), (3, 16));
}
