//! `report --format html`: the page is parsed (scraper) and checked against the JSON report
//! of the same run: every finding is there with its claims and anchors, and every link
//! inside the page lands on an element of it. A hostile story (markup, `javascript:`
//! links, bidi controls in the text, the file name and the manifest) must come out as
//! text. Then headless Chromium loads each page from disk and runs its script: the
//! filters show the findings they should, nothing is logged to the console, nothing is
//! fetched, and the hostile story leaves no element of its own. The browser test skips
//! when no Chromium is installed, unless `CROSSCHECK_REQUIRE_BROWSER=1` (set by `.ci/run`);
//! screenshots go to `target/html-report/`.
//!
//! Every text here is written for these tests (a harbour fire), never copied.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)] // tests: a panic fails; a skip is said

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use scraper::{Html, Selector};
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn report(format: &str, sources: &[&Path]) -> Output {
    let out = bin()
        .args(["report", "--format", format])
        .args(sources)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "report failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn fixture_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("fixtures")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|d| d.join("expect.toml").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 3, "fixture stories are there");
    dirs
}

fn text_of(e: scraper::ElementRef<'_>) -> String {
    e.text().collect()
}

/// Checks the page against the JSON report of the same sources; returns the JSON.
fn check_page_against_json(html: &str, json: &Value) {
    let doc = Html::parse_document(html);
    let findings = json["findings"].as_array().unwrap();
    let articles: Vec<_> = doc.select(&sel("article.finding")).collect();
    assert_eq!(articles.len(), findings.len(), "one article per finding");
    let ids: BTreeSet<String> = doc
        .select(&sel("[id]"))
        .map(|e| e.value().attr("id").unwrap().to_owned())
        .collect();
    let mut finding_ids = BTreeSet::new();
    for (f, a) in findings.iter().zip(&articles) {
        let v = a.value();
        let id = v.attr("id").unwrap();
        assert!(id.starts_with("finding-") && id.len() > 8, "anchor {id}");
        assert!(finding_ids.insert(id.to_owned()), "anchor {id} is unique");
        assert_eq!(v.attr("data-verdict"), f["verdict"].as_str());
        assert_eq!(v.attr("data-kind"), f["kind"].as_str());
        let page_text = text_of(*a);
        let clean = |v: &Value| crosscheck::report::sanitize(v.as_str().unwrap());
        assert!(page_text.contains(&clean(&f["summary"])));
        assert!(page_text.contains(&clean(&f["explanation"])));
        let claims = f["claims"].as_array().unwrap();
        let said: Vec<_> = a.select(&sel(".said")).collect();
        assert_eq!(said.len(), claims.len(), "every claim of {id} is shown");
        for (c, s) in claims.iter().zip(&said) {
            let place = format!("{}:{}:{}", clean(&c["path"]), c["line"], c["column"]);
            let shown = text_of(*s);
            assert!(shown.contains(&place), "{id}: {place} in {shown}");
            let sentence = s.select(&sel("blockquote")).next().map(text_of).unwrap();
            assert_eq!(sentence, clean(&c["sentence"]), "{id}: sentence");
            if let Some(m) = s.select(&sel("blockquote mark")).next() {
                assert_eq!(text_of(m), clean(&c["text"]), "{id}: mark");
            }
            if !c["attribution"].is_null() {
                let who = clean(&c["attribution"]);
                assert!(shown.contains(&format!("per {who}")), "{id}: attribution");
            }
            let goto = s.select(&sel("a.goto")).next().unwrap();
            let target = goto.value().attr("href").unwrap().trim_start_matches('#');
            assert!(ids.contains(target), "{id}: link to its sentence {target}");
        }
    }
    // every internal link lands; the conflicts list links each conflict
    for a in doc.select(&sel("a[href^='#']")) {
        let target = a.value().attr("href").unwrap().trim_start_matches('#');
        assert!(ids.contains(target), "link to #{target} lands");
    }
    let conflicts = findings
        .iter()
        .filter(|f| f["verdict"] == "conflict")
        .count();
    assert_eq!(doc.select(&sel("ol.conflicts > li")).count(), conflicts);
    for (verdict, n) in json["counts"].as_object().unwrap() {
        let want = n.as_u64().unwrap() as usize;
        let got = articles
            .iter()
            .filter(|a| a.value().attr("data-verdict") == Some(verdict.as_str()))
            .count();
        assert_eq!(got, want, "count of {verdict}");
    }
    // one source text per source
    let sources = json["sources"].as_array().unwrap();
    assert_eq!(doc.select(&sel("section.source")).count(), sources.len());
    // without the script (the page as written) every finding shows, and the controls
    // that need the script do not
    assert!(articles.iter().all(|a| a.value().attr("hidden").is_none()));
    assert!(doc
        .select(&sel("form#filters, label.check"))
        .all(|e| e.value().attr("hidden").is_some()));
}

#[test]
fn every_json_finding_is_on_the_page_with_its_claims_and_anchors() {
    for dir in fixture_dirs() {
        let html = String::from_utf8(report("html", &[&dir]).stdout).unwrap();
        let json: Value = serde_json::from_slice(&report("json", &[&dir]).stdout).unwrap();
        check_page_against_json(&html, &json);
        // same inputs, same page (and so the same anchors)
        let again = String::from_utf8(report("html", &[&dir]).stdout).unwrap();
        assert_eq!(html, again, "{}: the page is deterministic", dir.display());
    }
}

/// A story written to attack the page: markup and script in the text, the headline, the
/// file name and the manifest, `javascript:` links, bidi controls.
fn hostile_story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let a = "Harbour fire <script>alert('head')</script> spreads\n\n\
        At least 12 boats burned in the harbour on Monday, the port authority said. \
        \"><img src=x onerror=alert(1)> Read <a href=\"javascript:alert(2)\">the map</a> \
        and [photos](javascript:alert(3)).\n\n\
        The harbour master said the \u{202e}tsrow\u{202c} damage was on the north quay. \
        <style>body{display:none}</style>\
        <link rel=stylesheet href=\"http://exfil.crosscheck.invalid/a.css\">\
        <iframe src=\"http://exfil.crosscheck.invalid/f\"></iframe>\n";
    let b = "Boats lost in harbour fire\n\n\
        The port authority said 20 boats burned in the harbour on Monday.\n";
    let c = "Quay notes\n\nThe harbour master, Ilse Varn\u{200b}a, said 20 boats burned \
        in the harbour on Monday.\n";
    std::fs::write(dir.path().join("01-fire.txt"), a).unwrap();
    std::fs::write(dir.path().join("02-port.txt"), b).unwrap();
    std::fs::write(dir.path().join("03-\"><img src=x onerror=alert(4)>.txt"), c).unwrap();
    let manifest = "[[source]]\npath = \"01-fire.txt\"\n\
        outlet = \"<b onmouseover=alert(5)>Quay Times</b>\"\n\
        url = \"javascript:alert(6)\"\n\
        [[source]]\npath = \"02-port.txt\"\n\
        url = \"https://example.org/port?a=1&b=2\"\n\
        [[source]]\npath = \"03-\\\"><img src=x onerror=alert(4)>.txt\"\n\
        title = \"</title><script>alert(8)</script>\"\n\
        url = \"https://example.org/\\\"><script>alert(7)</script>\"\n";
    std::fs::write(dir.path().join("story.toml"), manifest).unwrap();
    dir
}

/// What a page made from hostile text must not hold: any element or attribute the text
/// brought in.
fn assert_nothing_injected(doc: &Html, what: &str) {
    assert_eq!(
        doc.select(&sel("script")).count(),
        1,
        "{what}: only the page's script"
    );
    assert_eq!(
        doc.select(&sel("style")).count(),
        1,
        "{what}: only the page's style"
    );
    for tag in [
        "img", "iframe", "link", "object", "embed", "b", "base", "form a",
    ] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "{what}: no <{tag}>");
    }
    for e in doc.select(&sel("*")) {
        for (name, value) in e.value().attrs() {
            assert!(!name.starts_with("on"), "{what}: handler {name}={value}");
            let v = value.trim().to_ascii_lowercase();
            assert!(!v.starts_with("javascript:"), "{what}: {name}={value}");
        }
    }
    let text: String = doc.root_element().text().collect();
    assert!(
        !text.contains(['\u{202e}', '\u{202c}', '\u{200b}']),
        "{what}: bidi and zero-width controls are shown as escapes"
    );
    assert!(
        text.contains("<script>alert('head')</script>"),
        "{what}: markup shows as text"
    );
}

#[test]
fn hostile_text_stays_text() {
    let dir = hostile_story();
    let manifest = dir.path().join("story.toml");
    let out = report("html", &[&manifest]);
    let html = String::from_utf8(out.stdout).unwrap();
    let doc = Html::parse_document(&html);
    assert_nothing_injected(&doc, "page");
    let json: Value = serde_json::from_slice(&report("json", &[&manifest]).stdout).unwrap();
    assert!(
        json["findings"].as_array().is_some_and(|f| !f.is_empty()),
        "the hostile story has findings, so its sentences are on the page"
    );
    check_page_against_json(&html, &json);
    // the one plain web address is a link; the others are shown as text
    let links: Vec<_> = doc
        .select(&sel("a.url"))
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(links, ["https://example.org/port?a=1&b=2"]);
    let texts: Vec<_> = doc.select(&sel("span.url")).map(text_of).collect();
    assert_eq!(
        texts,
        [
            "javascript:alert(6)",
            "https://example.org/\"><script>alert(7)</script>"
        ]
    );
    let csp = doc
        .select(&sel("meta[http-equiv='Content-Security-Policy']"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap()
        .to_owned();
    assert!(
        csp.starts_with("default-src 'none'; script-src 'sha256-"),
        "{csp}"
    );
}

// ---- the browser ----------------------------------------------------------------------

/// The Chromium to drive: `CROSSCHECK_CHROMIUM`, else `chromium` or `chromium-browser`
/// on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CROSSCHECK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

struct Browser {
    exe: PathBuf,
    scratch: tempfile::TempDir,
}

/// What one page load gave: the DOM after the script ran, the console lines, and the
/// URLs of the network log.
struct Load {
    dom: Html,
    console: Vec<String>,
    net_log: String,
}

impl Browser {
    fn new() -> Option<Browser> {
        let Some(exe) = chromium() else {
            assert!(
                std::env::var("CROSSCHECK_REQUIRE_BROWSER").as_deref() != Ok("1"),
                "CROSSCHECK_REQUIRE_BROWSER=1 but no chromium found (install the Debian \
                 package `chromium` or set CROSSCHECK_CHROMIUM)"
            );
            eprintln!(
                "skipping the browser test: no chromium on the PATH \
                 (install the Debian package `chromium`; .ci/run does)"
            );
            return None;
        };
        Some(Browser {
            exe,
            scratch: tempfile::tempdir().unwrap(),
        })
    }

    fn command(&self, extra: &[String], url: &str) -> Output {
        let profile = tempfile::tempdir_in(self.scratch.path()).unwrap();
        Command::new(&self.exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(url)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    /// Loads `page` with the query `query` (filters) and dumps the DOM after load.
    fn load(&self, page: &Path, query: &str) -> Load {
        let log = self.scratch.path().join("net.json");
        let _ = std::fs::remove_file(&log);
        let out = self.command(
            &[
                format!("--log-net-log={}", log.display()),
                "--virtual-time-budget=3000".into(),
                "--dump-dom".into(),
            ],
            &format!("{}{query}", file_url(page)),
        );
        let dom = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            dom.contains("</html>"),
            "chromium dumped no page: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Load {
            dom: Html::parse_document(&dom),
            console: String::from_utf8_lossy(&out.stderr)
                .lines()
                .filter(|l| l.contains(":CONSOLE"))
                .map(str::to_owned)
                .collect(),
            net_log: std::fs::read_to_string(&log).unwrap_or_default(),
        }
    }

    fn screenshot(&self, page: &Path, png: &Path) {
        let out = self.command(
            &[
                "--window-size=1280,2600".into(),
                "--hide-scrollbars".into(),
                format!("--screenshot={}", png.display()),
            ],
            &file_url(page),
        );
        assert!(
            png.is_file(),
            "no screenshot: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn file_url(p: &Path) -> String {
    let abs = std::fs::canonicalize(p).unwrap();
    let mut url = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

impl Load {
    fn visible(&self) -> Vec<scraper::ElementRef<'_>> {
        self.dom
            .select(&sel("article.finding"))
            .filter(|a| a.value().attr("hidden").is_none())
            .collect()
    }

    fn shown(&self) -> (String, Option<usize>) {
        let p = self.dom.select(&sel("#shown")).next().unwrap();
        (
            text_of(p),
            p.value().attr("data-visible").and_then(|n| n.parse().ok()),
        )
    }

    fn assert_quiet(&self, what: &str) {
        assert!(
            self.console.is_empty(),
            "{what}: console output: {:#?}",
            self.console
        );
        assert!(
            !self.net_log.contains("crosscheck.invalid"),
            "{what}: a request left the page"
        );
        // the script ran: it shows the filters and the checked boxes
        let form = self.dom.select(&sel("form#filters")).next().unwrap();
        assert!(form.value().attr("hidden").is_none(), "{what}: script ran");
    }
}

#[test]
fn the_page_works_in_a_real_browser() {
    let Some(browser) = Browser::new() else {
        return;
    };
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/html-report");
    std::fs::create_dir_all(&shots).unwrap();
    for dir in fixture_dirs() {
        let story = dir.file_name().unwrap().to_string_lossy().into_owned();
        let page = browser.scratch.path().join(format!("{story}.html"));
        std::fs::write(&page, report("html", &[&dir]).stdout).unwrap();
        let json: Value = serde_json::from_slice(&report("json", &[&dir]).stdout).unwrap();
        let findings = json["findings"].as_array().unwrap();
        let total = findings.len();

        let all = browser.load(&page, "");
        all.assert_quiet(&story);
        assert_eq!(all.visible().len(), total, "{story}: all shown at first");
        assert_eq!(all.shown().1, Some(total));

        // by verdict: only conflicts and agreements
        let want = findings
            .iter()
            .filter(|f| f["verdict"] == "conflict" || f["verdict"] == "agreement")
            .count();
        let some = browser.load(&page, "?verdict=conflict,agreement");
        some.assert_quiet(&story);
        assert_eq!(some.visible().len(), want, "{story}: verdict filter");
        assert_eq!(some.shown().1, Some(want));
        if want != total {
            assert!(
                some.shown().0.contains(&format!("{want} of {total}")),
                "{story}: {}",
                some.shown().0
            );
        }
        assert!(some.visible().iter().all(|a| matches!(
            a.value().attr("data-verdict"),
            Some("conflict" | "agreement")
        )));

        // by source: the second source's findings
        let second = json["sources"][1]["id"].as_str().unwrap();
        let want = findings
            .iter()
            .filter(|f| {
                f["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["source"] == second)
            })
            .count();
        let by_source = browser.load(&page, "?source=2");
        assert_eq!(by_source.visible().len(), want, "{story}: source filter");

        // by kind and search: the first finding's kind, and a word of its summary
        let kind = findings[0]["kind"].as_str().unwrap();
        let want = findings.iter().filter(|f| f["kind"] == kind).count();
        let by_kind = browser.load(&page, &format!("?kind={kind}"));
        assert_eq!(by_kind.visible().len(), want, "{story}: kind filter");
        let nothing = browser.load(&page, "?q=zzzqqqxxx");
        assert_eq!(nothing.visible().len(), 0, "{story}: search for nothing");
        assert!(nothing.shown().0.contains(&format!("0 of {total}")));

        browser.screenshot(&page, &shots.join(format!("{story}.png")));
    }
}

#[test]
fn hostile_text_is_inert_in_a_real_browser() {
    let Some(browser) = Browser::new() else {
        return;
    };
    let dir = hostile_story();
    let page = dir.path().join("report.html");
    std::fs::write(
        &page,
        report("html", &[&dir.path().join("story.toml")]).stdout,
    )
    .unwrap();
    let load = browser.load(&page, "");
    load.assert_quiet("hostile story");
    assert_nothing_injected(&load.dom, "hostile story in the browser");
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/html-report");
    std::fs::create_dir_all(&shots).unwrap();
    browser.screenshot(&page, &shots.join("hostile.png"));
}
