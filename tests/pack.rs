//! The claims pack: the embedded default is complete and valid, overrides work, and every
//! broken pack in tests/data/bad_packs/ gets an error naming file, line and key.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use std::path::Path;

use crosscheck::Pack;

#[test]
fn every_file_under_claims_is_embedded_and_the_default_pack_validates() {
    let pack = Pack::load(None).expect("default pack is valid");
    let embedded: Vec<&str> = pack.files().map(|(n, _)| n).collect();
    let mut on_disk: Vec<String> = walk(Path::new("claims"))
        .into_iter()
        .map(|p| p.strip_prefix("claims/").unwrap_or(&p).to_owned())
        .collect();
    on_disk.sort();
    let mut embedded_sorted: Vec<String> = embedded.iter().map(|s| (*s).to_owned()).collect();
    embedded_sorted.sort();
    assert_eq!(
        on_disk, embedded_sorted,
        "src/pack/embedded.rs must list every file under claims/"
    );
    assert_eq!(pack.version, 1);
    // every kind file is loaded as the kind its name says, and no kind comes from elsewhere
    let mut kind_files: Vec<&str> = on_disk
        .iter()
        .filter_map(|p| p.strip_prefix("kinds/")?.strip_suffix(".toml"))
        .collect();
    kind_files.sort_unstable();
    let mut ids: Vec<&str> = pack.kinds.iter().map(|k| k.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, kind_files);
    assert!(ids.contains(&"casualties") && ids.contains(&"durations"));
}

#[test]
fn override_file_replaces_the_default_and_new_files_add() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("kinds")).unwrap();
    std::fs::write(
        dir.path().join("kinds/evictions.toml"),
        "id = \"evictions\"\ndescription = \"Households evicted\"\nunits = [\"people\"]\nseverity = \"warning\"\nmessage = \"{draft} vs {sources}\"\n\n[[events]]\nid = \"evicted\"\ntriggers = [\"evicted\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("vague_quantities.toml"),
        "[[vague]]\nphrase = \"a handful\"\nmin = 3\nmax = 6\n",
    )
    .unwrap();
    let pack = Pack::load(Some(dir.path())).unwrap();
    assert!(
        pack.kind("evictions").is_some(),
        "a new kind file adds to the pack"
    );
    assert!(pack.kind("casualties").is_some(), "defaults stay");
    assert_eq!(
        pack.vague.len(),
        1,
        "a file of the same name replaces the default"
    );
    assert_eq!(pack.vague[0].phrase, "a handful");
    let origin = pack
        .files()
        .find(|(n, _)| *n == "vague_quantities.toml")
        .unwrap()
        .1;
    assert!(origin.ends_with("vague_quantities.toml") && !origin.starts_with("<embedded>"));
}

#[test]
fn broken_packs_get_located_errors() {
    insta::glob!("data/bad_packs/*", |dir| {
        let rel = Path::new("tests/data/bad_packs").join(dir.file_name().unwrap());
        let err = Pack::load(Some(&rel)).expect_err("a broken pack must not load");
        insta::assert_snapshot!(err.to_string());
    });
}

#[test]
fn a_missing_pack_directory_is_an_error_not_a_panic() {
    let err = Pack::load(Some(Path::new("tests/data/no-such-pack"))).unwrap_err();
    assert!(err.to_string().contains("no-such-pack"), "{err}");
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.to_string_lossy().replace('\\', "/"));
        }
    }
    out
}
