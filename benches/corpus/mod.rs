//! A deterministic corpus of scraped-looking news articles, with an answer key.
//!
//! `generate` writes N articles about M stories (earthquakes, elections, city budgets,
//! defence visits). Each article has a header date line, a breadcrumb, a headline, a wire
//! dateline and scraped-page noise (share widgets, newsletter boxes, comment forms,
//! related-article lists full of other figures). Figures mostly agree across outlets and
//! come with scope traps that must NOT be reported as conflicts: a one-day toll next to a
//! cumulative one, a part next to its whole, last fiscal year next to this one, a toll
//! that rises from one day's reports to the next, the previous election's turnout. Names
//! and quotes come in spelling and wording variants. A few articles carry an injected
//! wrong figure; every injection is recorded in [`Corpus::conflicts`] with the sources
//! that carry the right figure for the same fact and day, so recall and precision of
//! `conflict` findings can be measured at any scale.
//!
//! Same config, same bytes: the only randomness is a seeded SplitMix64.
//!
//! Shared by `benches/pipeline.rs`, the examples and `tests/determinism.rs` through
//! `#[path]` includes, so not every item is used by every includer.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::{Date, Weekday};

/// What to generate.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// Number of articles.
    pub(crate) sources: usize,
    /// Number of distinct stories they cover.
    pub(crate) stories: usize,
    /// PRNG seed.
    pub(crate) seed: u64,
    /// Probability that an article carries one injected wrong figure.
    pub(crate) conflict_rate: f64,
}

impl Config {
    /// `sources` articles, one story per 25 articles (at least one), 4% injected conflicts.
    pub(crate) fn new(sources: usize) -> Config {
        Config {
            sources,
            stories: sources.div_ceil(25).max(1),
            seed: 0x5eed_c0ff_ee00_2026,
            conflict_rate: 0.04,
        }
    }
}

/// One generated article.
#[derive(Debug, Clone)]
pub(crate) struct Article {
    /// Source id (also the file stem).
    pub(crate) id: String,
    /// Path it would have on disk.
    pub(crate) path: String,
    /// Index of its story.
    pub(crate) story: usize,
    /// Outlet name.
    pub(crate) outlet: String,
    /// The page text.
    pub(crate) text: String,
    /// Figures it states: fact key and the exact value written.
    pub(crate) figures: Vec<Figure>,
}

/// A figure stated by an article.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    /// Fact key, unique within a story ("toll", "budget_fy").
    pub(crate) fact: &'static str,
    /// Day of the report (0 = day of the event) for figures that change by day, else 0.
    pub(crate) day: u8,
    /// The number as written, multipliers applied.
    pub(crate) value: f64,
    /// Whether this is the injected wrong value.
    pub(crate) injected: bool,
}

/// One injected conflict: `source` states `value` where the story's truth is `expected`.
#[derive(Debug, Clone)]
pub(crate) struct Conflict {
    /// Story index.
    pub(crate) story: usize,
    /// Fact key.
    pub(crate) fact: &'static str,
    /// Claim kind id of the pack the figure belongs to.
    pub(crate) kind: &'static str,
    /// Day of the report.
    pub(crate) day: u8,
    /// The source with the wrong figure.
    pub(crate) source: String,
    /// The wrong figure.
    pub(crate) value: f64,
    /// The figure the other outlets give for the same fact and day.
    pub(crate) expected: f64,
    /// Sources of the same story that state the truth for the same fact and day, with
    /// the number each wrote (`expected`, or a round number below it after "more than").
    pub(crate) agreeing: Vec<(String, f64)>,
}

/// The generated articles and the answer key.
#[derive(Debug, Clone)]
pub(crate) struct Corpus {
    /// Articles in id order.
    pub(crate) articles: Vec<Article>,
    /// Injected conflicts, in article order.
    pub(crate) conflicts: Vec<Conflict>,
}

impl Corpus {
    /// Total text size in bytes.
    pub(crate) fn bytes(&self) -> usize {
        self.articles.iter().map(|a| a.text.len()).sum()
    }

    /// The answer key as JSON: one object per injected conflict, with every source pair.
    pub(crate) fn manifest_json(&self) -> String {
        let mut out = String::from("{\n  \"schema\": \"crosscheck-corpus-answers@1\",\n");
        let _ = writeln!(out, "  \"sources\": {},", self.articles.len());
        out.push_str("  \"conflicts\": [");
        for (i, c) in self.conflicts.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let agreeing: Vec<String> = c
                .agreeing
                .iter()
                .map(|(s, v)| format!("{{\"source\": \"{s}\", \"value\": {v}}}"))
                .collect();
            let _ = write!(
                out,
                "\n    {{\"story\": {}, \"fact\": \"{}\", \"kind\": \"{}\", \"day\": {}, \"source\": \"{}\", \"value\": {}, \"expected\": {}, \"agreeing\": [{}]}}",
                c.story,
                c.fact,
                c.kind,
                c.day,
                c.source,
                c.value,
                c.expected,
                agreeing.join(", ")
            );
        }
        out.push_str("\n  ],\n  \"articles\": [");
        for (i, a) in self.articles.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(
                out,
                "\n    {{\"id\": \"{}\", \"story\": {}}}",
                a.id, a.story
            );
        }
        out.push_str("\n  ]\n}\n");
        out
    }
}

/// Recall and precision of `conflict` findings against the injected conflicts.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Score {
    /// Injected conflicts that have at least one agreeing source (detectable).
    pub(crate) injected: usize,
    /// Detectable injected conflicts found by some `conflict` finding.
    pub(crate) found: usize,
    /// `conflict` findings reported.
    pub(crate) reported: usize,
    /// Reported conflicts that pair an injected wrong figure with a source of its story.
    pub(crate) correct: usize,
}

impl Score {
    /// found / injected (1 when nothing was injected).
    pub(crate) fn recall(&self) -> f64 {
        ratio(self.found, self.injected)
    }

    /// correct / reported (1 when nothing was reported).
    pub(crate) fn precision(&self) -> f64 {
        ratio(self.correct, self.reported)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// One claim of a conflict finding: the source index (into `articles`) and the number.
pub(crate) type ConflictClaim = (usize, Option<f64>);

/// Scores conflict findings, each given as its claims. A finding is correct when it holds
/// an injected wrong figure (source and value) and another source of the same story; an
/// injection is found when a correct finding also holds one of its agreeing sources.
pub(crate) fn score(corpus: &Corpus, conflict_findings: &[Vec<ConflictClaim>]) -> Score {
    let index: BTreeMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut s = Score {
        reported: conflict_findings.len(),
        ..Score::default()
    };
    let mut found = vec![false; corpus.conflicts.len()];
    for claims in conflict_findings {
        let mut ok = false;
        for (ci, c) in corpus.conflicts.iter().enumerate() {
            let Some(&bad) = index.get(c.source.as_str()) else {
                continue;
            };
            let has_bad = claims
                .iter()
                .any(|&(src, n)| src == bad && n.is_some_and(|n| close(n, c.value)));
            if !has_bad {
                continue;
            }
            let same_story = claims.iter().any(|&(src, _)| {
                src != bad && corpus.articles.get(src).map(|a| a.story) == Some(c.story)
            });
            if same_story {
                ok = true;
            }
            let pairs_agreeing = claims.iter().any(|&(src, n)| {
                src != bad
                    && corpus.articles.get(src).is_some_and(|a| {
                        c.agreeing
                            .iter()
                            .any(|(id, v)| *id == a.id && n.is_some_and(|n| close(n, *v)))
                    })
            });
            if pairs_agreeing {
                found[ci] = true;
            }
        }
        if ok {
            s.correct += 1;
        }
    }
    for (c, f) in corpus.conflicts.iter().zip(&found) {
        if !c.agreeing.is_empty() {
            s.injected += 1;
            if *f {
                s.found += 1;
            }
        }
    }
    s
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// Generates the corpus described by `cfg`.
pub(crate) fn generate(cfg: &Config) -> Corpus {
    let mut rng = Rng::new(cfg.seed);
    let stories: Vec<Story> = (0..cfg.stories.max(1))
        .map(|i| Story::new(i, &mut rng))
        .collect();
    let mut articles = Vec::with_capacity(cfg.sources);
    for i in 0..cfg.sources {
        // Each article gets its own stream, so article i is the same whatever N is.
        let mut r = Rng::new(cfg.seed ^ (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let story = r.below(stories.len());
        articles.push(write_article(i, story, stories.as_slice(), cfg, &mut r));
    }
    let conflicts = answer_key(&articles, &stories);
    Corpus {
        articles,
        conflicts,
    }
}

/// The article as a saved web page of about `target` bytes, the way a news site would
/// serve it: a head of meta tags, JSON-LD, styles and ad scripts, a cookie banner and a
/// navigation bar, then the text's own parts in the markup they have on a page (date in a
/// `<time>`, breadcrumb `nav`, `h1` headline, byline, `<p>` paragraphs, ad and newsletter
/// boxes, share bar, tags, a related-stories `aside`, the comment form), then a footer.
/// The article's words are the text's, so a page and its text should give one finding.
pub(crate) fn page(article: &Article, target: usize) -> String {
    let mut out = String::with_capacity(target + article.text.len() * 2);
    let paras: Vec<&str> = article
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let headline_at = paras.iter().position(|p| !is_header_line(p)).unwrap_or(0);
    let headline = paras.get(headline_at).copied().unwrap_or("");
    let date = paras.first().and_then(|p| iso_date(p)).unwrap_or_default();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{h} | {o}</title>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta property=\"og:site_name\" content=\"{o}\">\n\
         <meta property=\"og:title\" content=\"{h}\">\n\
         <meta property=\"article:published_time\" content=\"{date}T09:00:00Z\">\n\
         <link rel=\"canonical\" href=\"https://news.example/{id}\">\n\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\
         \"@type\":\"NewsArticle\",\"headline\":\"{h}\",\"datePublished\":\"{date}\",\"publisher\":{{\"@type\":\
         \"Organization\",\"name\":\"{o}\"}}}}</script>\n",
        h = escape(headline),
        o = escape(&article.outlet),
        id = article.id,
    );
    // most of a real page's bytes: styles, analytics and ad scripts
    let mut n = 0usize;
    while out.len() + article.text.len() * 2 + 3000 < target {
        let _ = writeln!(
            out,
            "<style>.card-{n}{{display:flex;margin:0 auto;padding:{}px;color:#333}}\
             .card-{n} a:hover{{text-decoration:underline}}</style>\n\
             <script>window.dataLayer=window.dataLayer||[];dataLayer.push({{'slot':'top-{n}',\
             'sizes':[[300,250],[728,90]],'targeting':{{'section':'news'}}}});\
             if(a<b&&c>d){{load('/ads/{n}.js')}}</script>",
            n % 24
        );
        n += 1;
    }
    out.push_str(
        "</head>\n<body class=\"single-post\">\n<div class=\"cookie-banner\" role=\"dialog\">\
         <p>We use cookies to remember your choices and to count visits.</p>\
         <button>Accept all</button></div>\n<header class=\"site-header\"><nav class=\"main-nav\"><ul>\n",
    );
    for s in SECTIONS {
        let _ = writeln!(out, "<li><a href=\"/{}\">{s}</a></li>", s.to_lowercase());
    }
    out.push_str("</ul></nav></header>\n<main id=\"content\">\n<article class=\"post\">\n");
    let mut i = 0;
    let mut in_body = false;
    while i < paras.len() {
        let p = paras[i];
        // scraped widgets span several paragraphs of the text
        let rest = paras[i..].join("\n\n");
        if let Some(w) = [MID_NOISE, NEWSLETTER, SHARE]
            .iter()
            .flat_map(|ws| ws.iter())
            .filter(|w| rest.starts_with(*w))
            .max_by_key(|w| w.len())
        {
            let class = if w.starts_with("Advertisement") {
                "ad-slot"
            } else {
                "share-bar newsletter"
            };
            let _ = write!(out, "<div class=\"{class}\">");
            for line in w.split("\n\n") {
                let _ = write!(out, "<p><a href=\"#\">{}</a></p>", escape(line));
            }
            out.push_str("</div>\n");
            i += w.split("\n\n").count();
            continue;
        }
        if i < headline_at {
            if p.starts_with("Home >") {
                let _ = writeln!(out, "<nav class=\"breadcrumb\">{}</nav>", escape(p));
            } else {
                let _ = writeln!(
                    out,
                    "<div class=\"post-date\"><time datetime=\"{date}\">{}</time></div>",
                    escape(p)
                );
            }
        } else if i == headline_at {
            let _ = writeln!(out, "<h1 class=\"entry-title\">{}</h1>", escape(p));
        } else if !in_body && p.starts_with("By ") {
            let _ = writeln!(
                out,
                "<div class=\"byline\">By <a href=\"/author\">{}</a></div>",
                escape(&p[3..])
            );
        } else if p.starts_with("Categories:") {
            let _ = writeln!(out, "</div>\n<div class=\"tags\">{}</div>", escape(p));
        } else if p == "Related Articles" {
            out.push_str("</article>\n<aside class=\"related\"><h2>Related Articles</h2><ul>\n");
            i += 1;
            while let Some(t) = paras.get(i).filter(|t| !t.starts_with("Leave a Reply")) {
                let _ = writeln!(out, "<li><a href=\"/news/{i}\">{}</a></li>", escape(t));
                i += 1;
            }
            out.push_str("</ul></aside>\n<section id=\"comments\" class=\"comments\"><form>\n");
            for line in &paras[i..] {
                let _ = writeln!(out, "<label>{}</label>", escape(line));
            }
            out.push_str("</form></section>\n");
            break;
        } else {
            if !in_body {
                out.push_str("<div class=\"entry-content\">\n");
                in_body = true;
            }
            let _ = writeln!(out, "<p>{}</p>", escape(p));
        }
        i += 1;
    }
    out.push_str(
        "</main>\n<footer class=\"site-footer\"><p>&copy; 2024 All rights reserved.</p>\
         <a href=\"/privacy\">Privacy</a></footer>\n",
    );
    // the rest of the size: tracking scripts at the end of the body
    while out.len() + 120 < target {
        let _ = writeln!(
            out,
            "<script>(function(w,d){{w.q=w.q||[];w.q.push(['track','{n}',d.title]);}})(window,document);</script>"
        );
        n += 1;
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// `2024-10-10` for a date line "Thursday, October 10, 2024".
fn iso_date(line: &str) -> Option<String> {
    let mut words = line.split([',', ' ']).filter(|w| !w.is_empty()).skip(1);
    let month = words.next()?;
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    let day: u8 = words.next()?.parse().ok()?;
    let year: u16 = words.next()?.parse().ok()?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The date line and breadcrumb above a generated article's headline.
fn is_header_line(p: &str) -> bool {
    p.starts_with("Home >") || WEEKDAYS.iter().any(|d| p.starts_with(d))
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// `s` with the characters HTML gives a meaning escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// (story, fact, report day).
type FactKey = (usize, &'static str, u8);

fn answer_key(articles: &[Article], stories: &[Story]) -> Vec<Conflict> {
    // (story, fact, day) -> (source, number written) of the truthful statements
    let mut truthful: BTreeMap<FactKey, Vec<(String, f64)>> = BTreeMap::new();
    for a in articles {
        for f in a.figures.iter().filter(|f| !f.injected) {
            let list = truthful.entry((a.story, f.fact, f.day)).or_default();
            if !list.iter().any(|(id, _)| *id == a.id) {
                list.push((a.id.clone(), f.value));
            }
        }
    }
    let mut out = Vec::new();
    for a in articles {
        for f in a.figures.iter().filter(|f| f.injected) {
            let Some(fact) = stories[a.story].facts.iter().find(|x| x.key == f.fact) else {
                continue;
            };
            let agreeing = truthful
                .get(&(a.story, f.fact, f.day))
                .cloned()
                .unwrap_or_default();
            out.push(Conflict {
                story: a.story,
                fact: f.fact,
                kind: fact.kind,
                day: f.day,
                source: a.id.clone(),
                value: f.value,
                expected: fact.value(f.day),
                agreeing,
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// PRNG

/// SplitMix64: tiny, fast and good enough to pick words.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize % n.max(1)
    }

    /// Uniform in `[lo, hi)`.
    pub(crate) fn float(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * (hi - lo)
    }

    /// Uniform integer in `lo..=hi`.
    pub(crate) fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below((hi - lo + 1) as usize) as u64
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.float(0.0, 1.0) < p
    }

    /// One word of a non-empty list.
    pub(crate) fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------
// Stories

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Beat {
    Quake,
    Election,
    Budget,
    Visit,
}

/// A fact of a story: its true value (per report day for rising tolls).
#[derive(Debug, Clone)]
struct Fact {
    key: &'static str,
    kind: &'static str,
    by_day: [f64; 3],
    /// Whether an outlet may get it wrong (an injected conflict).
    can_conflict: bool,
}

impl Fact {
    fn fixed(key: &'static str, kind: &'static str, v: f64, can_conflict: bool) -> Fact {
        Fact {
            key,
            kind,
            by_day: [v, v, v],
            can_conflict,
        }
    }

    fn value(&self, day: u8) -> f64 {
        self.by_day[usize::from(day.min(2))]
    }
}

#[derive(Debug, Clone)]
struct Person {
    first: [String; 2],
    last: [String; 2],
    title: &'static str,
}

impl Person {
    fn new(rng: &mut Rng, title: &'static str) -> Person {
        let (f1, f2) = *rng.pick(FIRST_NAMES);
        let last = random_name(rng);
        let variant = respell(&last);
        Person {
            first: [f1.to_owned(), f2.to_owned()],
            last: [last, variant],
            title,
        }
    }

    /// The full name in spelling `v` (0 or 1).
    fn full(&self, v: usize) -> String {
        format!("{} {}", self.first[v], self.last[v])
    }
}

#[derive(Debug, Clone)]
struct Story {
    beat: Beat,
    /// Region or country, in two spellings.
    place: [String; 2],
    /// A town in it.
    town: String,
    /// The capital the dateline uses.
    capital: String,
    /// The official most quoted.
    official: Person,
    /// A second voice (opposition, aid agency, analyst).
    other: Person,
    /// Visiting country (visits) or winning party (elections).
    party: String,
    /// Day of the event.
    day0: Date,
    /// Fiscal or election year.
    year: i16,
    facts: Vec<Fact>,
    /// Which quote wording pair each article draws from.
    quote: usize,
}

impl Story {
    fn new(i: usize, rng: &mut Rng) -> Story {
        let beat = [Beat::Quake, Beat::Election, Beat::Budget, Beat::Visit][i % 4];
        let place = random_name(rng);
        let place_variant = respell(&place);
        let year = 2019 + rng.below(7) as i16;
        let day0 = Date::new(year, 1 + rng.below(12) as i8, 1 + rng.below(28) as i8)
            .unwrap_or(Date::constant(2024, 3, 1));
        let title = match beat {
            Beat::Quake => "Interior Minister",
            Beat::Election => "election commission chair",
            Beat::Budget => "Finance Minister",
            Beat::Visit => "Deputy Defence Minister",
        };
        let facts = match beat {
            Beat::Quake => {
                let t0 = rng.int(40, 900) as f64;
                let t1 = (t0 * rng.float(1.2, 1.5)).round();
                let t2 = (t1 * rng.float(1.1, 1.3)).round();
                let injured = (t2 * rng.float(2.0, 4.0)).round();
                vec![
                    Fact::fixed("magnitude", "measures", rng.int(58, 76) as f64 / 10.0, true),
                    Fact {
                        key: "toll",
                        kind: "casualties",
                        by_day: [t0, t1, t2],
                        can_conflict: true,
                    },
                    // Trap: deaths on one day only, well below the cumulative toll.
                    Fact::fixed(
                        "toll_one_day",
                        "casualties",
                        (t0 * rng.float(0.15, 0.3)).round().max(3.0),
                        false,
                    ),
                    // Trap: a part of the toll.
                    Fact::fixed(
                        "children",
                        "casualties",
                        (t0 * rng.float(0.05, 0.12)).round().max(2.0),
                        false,
                    ),
                    Fact::fixed("injured", "casualties", injured, false),
                    Fact::fixed("homes", "counts", rng.int(120, 9000) as f64, false),
                    Fact::fixed("rescuers", "counts", (rng.int(4, 60) * 50) as f64, false),
                ]
            }
            Beat::Election => {
                let turnout = rng.int(420, 780) as f64 / 10.0;
                let seats_total = [150.0, 200.0, 300.0, 450.0][rng.below(4)];
                vec![
                    Fact::fixed("turnout", "shares", turnout, true),
                    // Trap: the previous election, four years earlier.
                    Fact::fixed(
                        "turnout_prev",
                        "shares",
                        turnout - rng.int(30, 90) as f64 / 10.0,
                        false,
                    ),
                    Fact::fixed("votes", "votes", rng.int(1200, 9800) as f64 * 1000.0, true),
                    Fact::fixed(
                        "seats",
                        "votes",
                        (seats_total * rng.float(0.35, 0.6)).round(),
                        false,
                    ),
                    // Trap: the whole chamber next to the winner's part.
                    Fact::fixed("seats_total", "votes", seats_total, false),
                    Fact::fixed("detained", "arrests", rng.int(12, 400) as f64, false),
                ]
            }
            Beat::Budget => {
                let total = rng.int(20, 240) as f64 / 10.0 * 1e9;
                let prev = (total * rng.float(0.8, 0.95) / 1e8).round() * 1e8;
                vec![
                    Fact::fixed("budget", "money", total, true),
                    // Trap: last fiscal year's budget.
                    Fact::fixed("budget_prev", "money", prev, false),
                    // Trap: a part of the budget.
                    Fact::fixed(
                        "schools",
                        "money",
                        (total * rng.float(0.1, 0.25) / 1e8).round() * 1e8,
                        false,
                    ),
                    Fact::fixed("deficit", "money", rng.int(30, 900) as f64 * 1e6, true),
                    Fact::fixed(
                        "rise",
                        "shares",
                        ((total / prev - 1.0) * 1000.0).round() / 10.0,
                        false,
                    ),
                ]
            }
            Beat::Visit => vec![
                // rounded as `money` writes it ("$1.56bn"), so that the answer key holds
                // the figure the text gives
                Fact::fixed(
                    "deal",
                    "money",
                    written_money(rng.int(120, 2400) as f64 * 1e6),
                    true,
                ),
                Fact::fixed("share", "shares", rng.int(8, 45) as f64, true),
                // Trap: a share over a longer period.
                Fact::fixed("share_long", "shares", rng.int(46, 70) as f64, false),
                Fact::fixed(
                    "scholarships",
                    "counts",
                    (rng.int(4, 60) * 50) as f64,
                    false,
                ),
                Fact::fixed("visits", "counts", rng.int(2, 6) as f64, false),
            ],
        };
        Story {
            beat,
            place: [place, place_variant],
            town: random_name(rng),
            capital: random_name(rng),
            official: Person::new(rng, title),
            other: Person::new(rng, "spokesperson"),
            party: format!("{} {}", rng.pick(PARTY_WORDS), rng.pick(PARTY_NOUNS)),
            day0,
            year,
            facts,
            quote: rng.below(QUOTES_PER_BEAT),
        }
    }

    fn fact(&self, key: &str) -> &Fact {
        self.facts
            .iter()
            .find(|f| f.key == key)
            .expect("fact keys are the literals of Story::new")
    }
}

// ---------------------------------------------------------------------------------------
// Articles

struct Writer<'a> {
    story: &'a Story,
    rng: &'a mut Rng,
    day: u8,
    /// Spelling variant this outlet uses for names and places.
    v: usize,
    /// Fact to falsify, if this article carries an injected conflict.
    wrong: Option<&'static str>,
    /// Cursor and offset into the background clause pools.
    bg: usize,
    bg_offset: usize,
    figures: Vec<Figure>,
}

impl Writer<'_> {
    /// The value to write for `key` (the truth, or the injected wrong value), recorded.
    fn figure(&mut self, key: &'static str) -> f64 {
        let fact = self.story.fact(key);
        let day = if key == "toll" { self.day } else { 0 };
        let truth = fact.value(day);
        let injected = self.wrong == Some(key);
        let value = if injected {
            self.wrong_value(key, truth)
        } else {
            truth
        };
        self.figures.push(Figure {
            fact: key,
            day,
            value,
            injected,
        });
        value
    }

    /// A value that cannot overlap the truth under any modifier the writer uses
    /// ("at least", "more than", "nearly"): clearly below it, and not equal to a trap.
    fn wrong_value(&mut self, key: &str, truth: f64) -> f64 {
        let f = self.rng.float(0.4, 0.6);
        match key {
            "magnitude" => ((truth - self.rng.float(1.0, 1.6)) * 10.0).round() / 10.0,
            "turnout" | "share" => (truth * f * 10.0).round() / 10.0,
            "budget" | "deal" | "deficit" | "votes" => {
                let unit = if truth >= 1e9 { 1e8 } else { 1e6 };
                ((truth * f) / unit).round() * unit
            }
            // Toll: below even day 0's true toll, above the one-day and children traps.
            "toll" => (self.story.fact("toll").by_day[0] * f).round(),
            _ => (truth * f).round(),
        }
    }

    fn place(&self) -> &str {
        &self.story.place[self.v]
    }

    fn official(&self) -> String {
        self.story.official.full(self.v)
    }

    fn other(&self) -> String {
        self.story.other.full(self.v)
    }

    fn weekday(&self, offset: i64) -> &'static str {
        let d = self
            .story
            .day0
            .checked_add(jiff::Span::new().days(offset))
            .unwrap_or(self.story.day0);
        weekday_name(d.weekday())
    }

    /// `v` as written: exact, "at least v", or "more than" a round number below `v`
    /// (as reporters round a toll down). Records the number written on the figure just taken.
    fn count(&mut self, v: f64) -> String {
        let (text, written) = match self.rng.below(5) {
            0 => (format!("at least {}", int(v)), v),
            1 => {
                let step = if v >= 100.0 { 10.0 } else { 5.0 };
                let below = ((v - 1.0) / step).floor() * step;
                if below >= step {
                    (format!("more than {}", int(below)), below)
                } else {
                    (int(v), v)
                }
            }
            _ => (int(v), v),
        };
        if let Some(f) = self.figures.last_mut() {
            if close(f.value, v) {
                f.value = written;
            }
        }
        text
    }
}

fn write_article(
    i: usize,
    story_index: usize,
    all: &[Story],
    cfg: &Config,
    rng: &mut Rng,
) -> Article {
    let story = &all[story_index];
    let outlet = rng.pick(OUTLETS).to_string();
    let day = rng.below(3) as u8;
    let candidates: Vec<&'static str> = story
        .facts
        .iter()
        .filter(|f| f.can_conflict)
        .map(|f| f.key)
        .collect();
    let wrong = if rng.chance(cfg.conflict_rate) {
        Some(*rng.pick(&candidates))
    } else {
        None
    };
    let v = rng.below(2);
    let mut w = Writer {
        story,
        rng,
        day,
        v,
        wrong,
        bg: 0,
        bg_offset: 0,
        figures: Vec::new(),
    };
    w.bg = w.rng.below(OPENERS.len());
    w.bg_offset = w.rng.below(CLOSERS.len());
    let published = story
        .day0
        .checked_add(jiff::Span::new().days(i64::from(day)))
        .unwrap_or(story.day0);

    let mut t = String::with_capacity(5000);
    // Page header: date line, breadcrumb, headline.
    let _ = writeln!(
        t,
        "{}, {} {}, {}\n",
        weekday_name(published.weekday()),
        MONTHS[(published.month() - 1) as usize],
        published.day(),
        published.year()
    );
    if w.rng.chance(0.6) {
        let _ = writeln!(t, "Home > {} > {}\n", w.rng.pick(SECTIONS), w.place());
    }
    let body = match story.beat {
        Beat::Quake => quake(&mut w),
        Beat::Election => election(&mut w),
        Beat::Budget => budget(&mut w),
        Beat::Visit => visit(&mut w),
    };
    let (headline, paragraphs) = body;
    let _ = writeln!(t, "{headline}\n");
    if w.rng.chance(0.5) {
        let _ = writeln!(t, "By {} {}\n", w.rng.pick(FIRST_NAMES).0, name(w.rng, 2));
    }
    let dateline = story.capital.to_uppercase();
    for (k, p) in paragraphs.iter().enumerate() {
        if k == 0 {
            let _ = writeln!(t, "{dateline} ({outlet}) – {p}\n");
        } else {
            let _ = writeln!(t, "{p}\n");
        }
        // Widgets scraped along with the text, between paragraphs.
        if k == 2 {
            t.push_str(w.rng.word(MID_NOISE));
            t.push_str("\n\n");
        }
        if k == 5 && w.rng.chance(0.7) {
            t.push_str(w.rng.word(NEWSLETTER));
            t.push_str("\n\n");
        }
    }
    if w.rng.chance(0.5) {
        let _ = writeln!(
            t,
            "(Reporting by {} {}; Editing by {} {})\n",
            w.rng.pick(FIRST_NAMES).0,
            name(w.rng, 2),
            w.rng.pick(FIRST_NAMES).1,
            name(w.rng, 3)
        );
    }
    let _ = writeln!(t, "Categories: {}\n", w.rng.pick(SECTIONS));
    t.push_str(w.rng.word(SHARE));
    t.push_str("\n\n");
    // Related articles: headlines of other stories, with their own figures.
    let _ = writeln!(t, "Related Articles\n");
    for _ in 0..3 {
        let other = &all[w.rng.below(all.len())];
        let _ = writeln!(t, "{}\n", teaser(other, w.rng));
    }
    if w.rng.chance(0.6) {
        t.push_str(COMMENT_FORM);
    }
    let figures = std::mem::take(&mut w.figures);
    let id = format!("{:05}_{}", i, slug(&outlet));
    Article {
        path: format!("{id}.txt"),
        id,
        story: story_index,
        outlet,
        text: t,
        figures,
    }
}

fn quake(w: &mut Writer<'_>) -> (String, Vec<String>) {
    let place = w.place().to_owned();
    let town = w.story.town.clone();
    let m = w.figure("magnitude");
    let toll = w.figure("toll");
    let wd0 = w.weekday(0);
    let toll_s = cap(&w.count(toll));
    let headline = match w.rng.below(3) {
        0 => format!("Death toll from {place} earthquake rises to {}", int(toll)),
        1 => format!("Rescuers dig through rubble after strong quake hits {place}"),
        _ => format!("{place} quake: hopes fade for those still trapped"),
    };
    let mut p = Vec::new();
    p.push(format!(
        "{toll_s} people have been killed since a magnitude {m:.1} earthquake struck {place} on {wd0}, officials said. {}",
        w.rng.pick(&[
            "Entire streets were reduced to rubble and power was cut across the region.",
            "Many of the dead were asleep when their homes came down around them.",
            "Aftershocks rattled the area through the night, sending people into the streets.",
        ])
    ));
    p.push(filler(w, QUAKE_FILLER, 2));
    if w.day > 0 {
        let one = w.figure("toll_one_day");
        let wd = w.weekday(i64::from(w.day));
        p.push(format!(
            "{} people died on {wd} alone as rescuers reached outlying villages, the civil defence agency said. {}",
            cap(&int(one)),
            filler(w, QUAKE_FILLER, 1)
        ));
    }
    if w.rng.chance(0.7) {
        let kids = w.figure("children");
        let toll2 = w.figure("toll");
        p.push(format!(
            "The toll of {} includes {} children, according to the health ministry in {}.",
            int(toll2),
            int(kids),
            w.story.capital
        ));
    }
    let injured = w.figure("injured");
    let official = w.official();
    p.push(format!(
        "{} {official} said {} people were injured, many of them seriously, and that hospitals in {town} were struggling to cope.",
        w.story.official.title,
        int(injured)
    ));
    p.push(filler(w, QUAKE_FILLER, 2));
    let rescuers = w.figure("rescuers");
    p.push(format!(
        "The government deployed {} rescuers and sniffer dogs to the worst-hit districts. {}",
        int(rescuers),
        filler(w, QUAKE_FILLER, 1)
    ));
    p.push(quote(w));
    let homes = w.figure("homes");
    p.push(format!(
        "Some {} homes were destroyed or damaged beyond repair, the {} said. {}",
        int(homes),
        w.rng.pick(&[
            "housing ministry",
            "regional governor's office",
            "Red Crescent"
        ]),
        filler(w, QUAKE_FILLER, 1)
    ));
    if w.rng.chance(0.5) {
        let m2 = w.figure("magnitude");
        p.push(format!(
            "The geological survey measured the tremor at magnitude {m2:.1}, with its epicentre near {town}."
        ));
    }
    p.push(filler(w, QUAKE_FILLER, 3));
    p.insert(2, background(w, 3));
    p.insert(5, background(w, 3));
    p.insert(8, background(w, 3));
    p.push(background(w, 4));
    p.push(background(w, 3));
    p.push(background(w, 3));
    p.push(background(w, 3));
    p.push(filler(w, GENERIC_FILLER, 2));
    (headline, p)
}

fn election(w: &mut Writer<'_>) -> (String, Vec<String>) {
    let place = w.place().to_owned();
    let party = w.story.party.clone();
    let turnout = w.figure("turnout");
    let year = w.story.year;
    let headline = match w.rng.below(3) {
        0 => format!("{party} claims victory in {place} election"),
        1 => format!("{place} votes: turnout reaches {}", pct(w.rng, turnout)),
        _ => format!("Opposition cries foul as {party} wins in {place}"),
    };
    let mut p = Vec::new();
    p.push(format!(
        "Turnout in {place}'s {year} parliamentary election was {}, the {} said on {}. {}",
        pct(w.rng, turnout),
        w.story.official.title,
        w.weekday(1),
        filler(w, ELECTION_FILLER, 1)
    ));
    if w.rng.chance(0.6) {
        let prev = w.figure("turnout_prev");
        p.push(format!(
            "In the {} election, turnout was {}.",
            year - 4,
            pct(w.rng, prev)
        ));
    }
    p.push(filler(w, ELECTION_FILLER, 2));
    let votes = w.figure("votes");
    p.push(format!(
        "The {party} won {} votes, according to the preliminary count. {}",
        int(votes),
        filler(w, ELECTION_FILLER, 1)
    ));
    let seats = w.figure("seats");
    let total = w.figure("seats_total");
    p.push(format!(
        "That gives the party {} of the {} seats in parliament, enough to govern without partners.",
        int(seats),
        int(total)
    ));
    p.push(quote(w));
    p.push(filler(w, ELECTION_FILLER, 2));
    let detained = w.figure("detained");
    let other = w.other();
    p.push(format!(
        "Police detained {} protesters in {} after the results were announced, {other} said.",
        int(detained),
        w.story.capital
    ));
    p.push(filler(w, ELECTION_FILLER, 3));
    p.insert(2, background(w, 3));
    p.insert(5, background(w, 3));
    p.insert(8, background(w, 3));
    p.push(background(w, 4));
    p.push(background(w, 3));
    p.push(background(w, 3));
    p.push(background(w, 3));
    p.push(filler(w, GENERIC_FILLER, 2));
    (headline, p)
}

fn budget(w: &mut Writer<'_>) -> (String, Vec<String>) {
    let place = w.place().to_owned();
    let year = w.story.year;
    let total = w.figure("budget");
    let headline = match w.rng.below(3) {
        0 => format!("{place} unveils {} budget for {year}", money(w.rng, total)),
        1 => format!("Spending row looms as {place} tables new budget"),
        _ => format!("{place} budget: what the numbers mean for you"),
    };
    let mut p = Vec::new();
    let official = w.official();
    p.push(format!(
        "{} {official} presented a budget of {} for the {year} fiscal year on {}. {}",
        w.story.official.title,
        money(w.rng, total),
        w.weekday(0),
        filler(w, BUDGET_FILLER, 1)
    ));
    if w.rng.chance(0.7) {
        let prev = w.figure("budget_prev");
        p.push(format!(
            "The budget for the {} fiscal year was {}.",
            year - 1,
            money(w.rng, prev)
        ));
        let rise = w.figure("rise");
        p.push(format!(
            "Spending will rise {} compared with last year. {}",
            pct(w.rng, rise),
            filler(w, BUDGET_FILLER, 1)
        ));
    }
    p.push(filler(w, BUDGET_FILLER, 2));
    let schools = w.figure("schools");
    p.push(format!(
        "Of the total, {} is earmarked for schools and teacher salaries.",
        money(w.rng, schools)
    ));
    p.push(quote(w));
    let deficit = w.figure("deficit");
    let other = w.other();
    p.push(format!(
        "The deficit is projected at {}, {other} said, warning that borrowing costs were climbing. {}",
        money(w.rng, deficit),
        filler(w, BUDGET_FILLER, 1)
    ));
    p.push(filler(w, BUDGET_FILLER, 3));
    p.insert(2, background(w, 3));
    p.insert(5, background(w, 3));
    p.insert(8, background(w, 3));
    p.push(background(w, 4));
    p.push(background(w, 3));
    p.push(background(w, 3));
    p.push(background(w, 3));
    p.push(filler(w, GENERIC_FILLER, 2));
    (headline, p)
}

fn visit(w: &mut Writer<'_>) -> (String, Vec<String>) {
    let place = w.place().to_owned();
    let guest = w.story.party.clone();
    let official = w.official();
    let headline = match w.rng.below(3) {
        0 => format!("{place} and the {guest} pledge closer military ties"),
        1 => format!("Defence chief's visit to {place} draws criticism"),
        _ => format!("{place} signs arms deal during high-level visit"),
    };
    let mut p = Vec::new();
    p.push(format!(
        "{} {official} met the army chief in {} on {} to discuss training, equipment and joint exercises. {}",
        w.story.official.title,
        w.story.capital,
        w.weekday(0),
        filler(w, VISIT_FILLER, 1)
    ));
    let deal = w.figure("deal");
    p.push(format!(
        "The two sides signed an arms deal worth {}, according to officials. {}",
        money(w.rng, deal),
        filler(w, VISIT_FILLER, 1)
    ));
    p.push(quote(w));
    let share = w.figure("share");
    let y = w.story.year;
    p.push(format!(
        "The {guest} was the source of {} of the weaponry imported by {place} from {}-{}, according to a {y} study by a peace research institute.",
        pct(w.rng, share),
        y - 6,
        y - 2
    ));
    if w.rng.chance(0.5) {
        let long = w.figure("share_long");
        p.push(format!(
            "Counted since {}, its share of arms imports is {}.",
            y - 20,
            pct(w.rng, long)
        ));
    }
    p.push(filler(w, VISIT_FILLER, 2));
    let sch = w.figure("scholarships");
    let visits = w.figure("visits");
    p.push(format!(
        "The {guest} has offered {} university scholarships to officers, and {official} has visited {place} {} times since {}.",
        int(sch),
        number_word(visits),
        y - 3
    ));
    p.push(filler(w, VISIT_FILLER, 3));
    p.insert(2, background(w, 3));
    p.insert(5, background(w, 3));
    p.insert(8, background(w, 3));
    p.push(background(w, 4));
    p.push(background(w, 3));
    p.push(background(w, 3));
    p.push(background(w, 3));
    p.push(filler(w, GENERIC_FILLER, 2));
    (headline, p)
}

/// A quote of the official in one of two wordings, credited in one of several ways.
fn quote(w: &mut Writer<'_>) -> String {
    let pairs = match w.story.beat {
        Beat::Quake => QUAKE_QUOTES,
        Beat::Election => ELECTION_QUOTES,
        Beat::Budget => BUDGET_QUOTES,
        Beat::Visit => VISIT_QUOTES,
    };
    let (a, b) = pairs[w.story.quote % pairs.len()];
    let words = if w.rng.chance(0.5) { a } else { b };
    let official = w.official();
    let title = w.story.official.title;
    match w.rng.below(4) {
        0 => format!("“{words},” {official} said."),
        1 => format!("{official} told reporters: “{words}.”"),
        2 => format!(
            "“{words},” the {} quoted {title} {official} as saying.",
            w.rng.pick(AGENCIES)
        ),
        _ => format!(
            "According to {}, {official} said that “{}.”",
            w.rng.pick(AGENCIES),
            lower_first(words)
        ),
    }
}

/// `n` sentences from `pool` with the story's names filled in.
fn filler(w: &mut Writer<'_>, pool: &[&str], n: usize) -> String {
    let mut out = String::new();
    let start = w.rng.below(pool.len());
    for k in 0..n {
        if k > 0 {
            out.push(' ');
        }
        let s = pool[(start + k * 5) % pool.len()];
        out.push_str(
            &s.replace("{place}", w.place())
                .replace("{town}", &w.story.town)
                .replace("{capital}", &w.story.capital)
                .replace("{other}", &w.other())
                .replace("{party}", &w.story.party),
        );
    }
    out
}

/// A paragraph of `n` background sentences, each two clauses drawn from shared pools.
fn background(w: &mut Writer<'_>, n: usize) -> String {
    let mut out = String::new();
    for k in 0..n {
        if k > 0 {
            out.push(' ');
        }
        // Walk both pools with steps coprime to their sizes: no clause repeats in an article.
        w.bg += 1;
        let a = OPENERS[(w.bg * 7) % OPENERS.len()];
        let b = CLOSERS[(w.bg * 3 + w.bg_offset) % CLOSERS.len()];
        let joint = *w.rng.pick(&[", and ", ", while ", "; ", ", although "]);
        let s = format!("{a}{joint}{b}.");
        out.push_str(
            &s.replace("{place}", w.place())
                .replace("{town}", &w.story.town)
                .replace("{capital}", &w.story.capital),
        );
    }
    out
}

/// A related-article teaser for `story`, with one of its figures.
fn teaser(story: &Story, rng: &mut Rng) -> String {
    let f = story.facts.first().map_or(0.0, |f| f.value(2));
    let place = &story.place[0];
    match story.beat {
        Beat::Quake => format!("Magnitude {f:.1} quake jolts {place}"),
        Beat::Election => format!("{place} election: turnout {f:.1}% as polls close"),
        Beat::Budget => format!("{place} budget set at {}", money(rng, f)),
        Beat::Visit => format!("{place} arms deal valued at {}", money(rng, f)),
    }
}

// ---------------------------------------------------------------------------------------
// Formatting

fn int(v: f64) -> String {
    let n = v.round() as u64;
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn pct(rng: &mut Rng, v: f64) -> String {
    let n = if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    };
    match rng.below(3) {
        0 => format!("{n}%"),
        1 => format!("{n} percent"),
        _ => format!("{n} per cent"),
    }
}

/// `v` rounded as [`money`] writes it: to $10m from $1bn up, to $1m below.
fn written_money(v: f64) -> f64 {
    let unit = if v >= 1e9 { 1e7 } else { 1e6 };
    (v / unit).round() * unit
}

fn money(rng: &mut Rng, v: f64) -> String {
    if v >= 1e9 {
        let b = v / 1e9;
        let n = if (b * 10.0).fract().abs() < 1e-9 && b.fract() != 0.0 {
            format!("{b:.1}")
        } else if b.fract() == 0.0 {
            format!("{b:.0}")
        } else {
            format!("{b:.2}")
        };
        match rng.below(3) {
            0 => format!("${n}bn"),
            1 => format!("${n} billion"),
            _ => format!("{n} billion dollars"),
        }
    } else {
        let m = (v / 1e6).round();
        match rng.below(3) {
            0 => format!("${m:.0}m"),
            1 => format!("${m:.0} million"),
            _ => format!("{m:.0} million dollars"),
        }
    }
}

fn number_word(v: f64) -> String {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let n = v.round() as usize;
    WORDS.get(n).map_or_else(|| int(v), |w| (*w).to_owned())
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn slug(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn weekday_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// A made-up proper name of `syllables` syllables.
fn name(rng: &mut Rng, syllables: usize) -> String {
    let mut s = String::new();
    for _ in 0..syllables {
        s.push_str(rng.word(SYLLABLES));
    }
    cap(&s)
}

/// A second spelling of a name, the way transliterations drift (ks/x, v/w, ai/ay, ou/u).
fn respell(s: &str) -> String {
    for (a, b) in [
        ("ks", "x"),
        ("v", "w"),
        ("ai", "ay"),
        ("ou", "u"),
        ("dj", "j"),
        ("tch", "ch"),
        ("ie", "ye"),
    ] {
        if s.contains(a) {
            return s.replacen(a, b, 1);
        }
    }
    if let Some(stem) = s.strip_suffix('a') {
        return format!("{stem}ah");
    }
    format!("{s}e")
}

// ---------------------------------------------------------------------------------------
// Word lists (written for this generator)

const QUOTES_PER_BEAT: usize = 3;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const SYLLABLES: &[&str] = &[
    "kar", "vel", "dor", "mi", "tas", "ren", "lo", "bai", "sho", "ka", "vin", "ou", "tra", "nel",
    "ksa", "dja", "mor", "ie", "zan", "pel", "ru", "gat", "hol", "sen", "ta", "bri",
];

const FIRST_NAMES: &[(&str, &str)] = &[
    ("Aleksandr", "Alexander"),
    ("Yusuf", "Yousef"),
    ("Mohammed", "Muhammad"),
    ("Sergei", "Sergey"),
    ("Dmitri", "Dmitry"),
    ("Olena", "Elena"),
    ("Andrei", "Andrey"),
    ("Katarzyna", "Katarina"),
    ("Huseyin", "Hussein"),
    ("Jorge", "George"),
    ("Nikolai", "Nikolay"),
    ("Aisha", "Ayesha"),
];

const PARTY_WORDS: &[&str] = &[
    "National",
    "People's",
    "Civic",
    "United",
    "Democratic",
    "Union",
];
const PARTY_NOUNS: &[&str] = &[
    "Alliance",
    "Front",
    "Movement",
    "Party",
    "Coalition",
    "Federation",
];

const OUTLETS: &[&str] = &[
    "Wire Service",
    "Daily Ledger",
    "Evening Courier",
    "Global Desk",
    "Harbour Times",
    "Continental Post",
    "Morning Herald",
    "Signal News",
    "Frontline Review",
    "Capital Bulletin",
];

const AGENCIES: &[&str] = &[
    "state news agency",
    "national broadcaster",
    "ministry's press office",
];

const SECTIONS: &[&str] = &[
    "World", "Asia", "Europe", "Africa", "Americas", "Politics", "Business",
];

const MID_NOISE: &[&str] = &[
    "Advertisement",
    "Share this article\n\nShare on Facebook\n\nShare on Twitter\n\nEmail",
    "Read more: What we know so far",
    "Advertisement\n\nPhoto: Residents gather outside a damaged building",
];

const NEWSLETTER: &[&str] = &[
    "Subscribe to our newsletter\n\nGet our top stories and analysis in your inbox every morning.",
    "Sign up for our morning newsletter and get the day's news before breakfast",
    "Follow us on Telegram for the latest updates",
];

const SHARE: &[&str] = &[
    "Share this:\n\nTweet\n\nEmail\n\nPrint",
    "Tags: news, world, latest\n\nShare on WhatsApp",
    "Share\n\nCopy link",
];

const COMMENT_FORM: &str = "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nComment\n\nName *\n\nEmail *\n\nNotify me of new posts by email.\n\nThis site uses Akismet to reduce spam.\n";

const QUAKE_FILLER: &[&str] = &[
    "Rescue teams worked under floodlights to reach people trapped in collapsed buildings in {town}.",
    "Survivors described the ground rolling for what felt like a very long time.",
    "Roads into the mountains were blocked by landslides, slowing the arrival of heavy machinery.",
    "Tents were set up in school yards for families afraid to go back indoors.",
    "Neighbouring countries offered to send search teams and medical supplies to {place}.",
    "The region sits on a fault line and has been hit by strong tremors before.",
    "Mobile networks were patchy, and relatives queued at the hospital for news.",
    "Engineers warned that many older buildings had not been built to withstand shaking.",
    "In {capital}, the government declared three days of national mourning.",
    "Aid agencies said clean water and blankets were the most urgent needs.",
    "Volunteers formed human chains to pass bricks and stones away from the ruins.",
    "Officials cautioned that the figures were likely to change as more areas were reached.",
];

const ELECTION_FILLER: &[&str] = &[
    "Long queues formed outside polling stations in {capital} before they opened.",
    "Observers reported scattered irregularities but said the vote was broadly orderly.",
    "The opposition accused the authorities of using state media to favour the {party}.",
    "Campaigning focused on jobs, prices and corruption.",
    "Results from rural districts were still being counted late into the night.",
    "{other} said the opposition would challenge the count in the courts.",
    "Security was tight, with police posted at every major crossroads in {capital}.",
    "Young voters turned out in larger numbers than analysts had expected.",
    "International monitors are expected to publish their assessment next week.",
    "The electoral commission said the final results would be certified within days.",
];

const BUDGET_FILLER: &[&str] = &[
    "Opposition lawmakers said the plan did too little to ease the cost of living.",
    "Economists said the revenue forecasts looked optimistic.",
    "The plan still has to pass a vote in parliament, where the government has a slim majority.",
    "Public sector unions welcomed the pay settlement but said it came late.",
    "Business groups in {capital} criticised a new levy on large companies.",
    "{other} said the figures hid cuts to local services in {town}.",
    "Ratings agencies are watching closely for signs of fiscal slippage.",
    "The finance ministry published the full tables on its website.",
    "Debate on the bill is expected to last several weeks.",
    "The central bank has kept interest rates on hold this year.",
];

const VISIT_FILLER: &[&str] = &[
    "Rights groups condemned the visit, saying it lent legitimacy to the military.",
    "The talks covered training programmes, spare parts and naval cooperation.",
    "Western governments have imposed sanctions on several senior commanders.",
    "State television showed the delegation inspecting a guard of honour in {capital}.",
    "{other} called for an arms embargo and said the visit sent the wrong signal.",
    "Both sides described the relationship as long-standing and strategic.",
    "The delegation also attended a military parade and laid a wreath.",
    "Analysts said the visit reflected a search for new partners amid isolation.",
    "Officials gave no details of any weapons systems covered by the talks.",
    "The visit came a week after a round of new sanctions was announced.",
];

const OPENERS: &[&str] = &[
    "Residents of {town} said they had been given little warning",
    "Shopkeepers in {capital} kept their shutters down for most of the day",
    "Diplomats in {capital} were briefed behind closed doors",
    "Local officials held an emergency meeting late in the evening",
    "Community leaders called for calm in a joint statement",
    "Analysts said the coming weeks would be decisive for the government",
    "Teachers and nurses were among those who spoke to reporters",
    "Farmers outside {town} said the roads to market had been cut",
    "Students at the university in {capital} organised a vigil",
    "Relatives gathered outside government offices in {capital}",
    "Members of the diaspora followed events closely online",
    "The main opposition bloc demanded a full public inquiry",
    "Commentators on state television struck a more cautious tone",
    "Church and mosque leaders offered their buildings as shelters",
    "Bus and train services in {place} ran on a reduced timetable",
    "A convoy of lorries left the port early in the morning",
    "The foreign ministry summoned several ambassadors for talks",
    "Traders in the central market reported sharp swings in prices",
    "Regional newspapers devoted their front pages to the events",
    "Parliament's speaker cut short a trip abroad to return home",
    "The national football federation postponed weekend matches",
    "Charities in {place} launched an appeal for donations",
    "A senior judge was appointed to look into complaints",
    "Police set up checkpoints on the main roads out of {town}",
];

const CLOSERS: &[&str] = &[
    "many said they expected more hardship before things improved",
    "few believed the promises made in {capital} would be kept",
    "the mood in the streets remained tense but quiet",
    "officials insisted that the situation was under control",
    "some questioned whether the authorities had been prepared",
    "messages of support arrived from across the region",
    "there was no immediate response from the presidency",
    "the weather was expected to turn colder by the weekend",
    "prices for fuel and bread had already begun to climb",
    "no timetable was given for a return to normal",
    "observers said the response had been slower than in past crises",
    "several roads remained closed to all but official vehicles",
    "the capital's hospitals cancelled routine appointments",
    "volunteers kept arriving from neighbouring provinces",
    "a curfew was discussed but not imposed",
    "rumours spread quickly on messaging apps",
    "the central bank said it was monitoring markets",
    "schools in the area were told to stay closed until further notice",
    "the army said it stood ready to help if asked",
    "local radio stations broadcast lists of phone numbers for help",
];

const GENERIC_FILLER: &[&str] = &[
    "The story is developing and will be updated.",
    "A government spokesperson declined to comment further.",
    "Local media carried live coverage throughout the day.",
    "It was not immediately possible to verify the reports independently.",
    "Several foreign embassies issued advice to their citizens.",
    "The statement was later posted on social media.",
];

const QUAKE_QUOTES: &[(&str, &str)] = &[
    (
        "We will not stop searching while there is any chance of finding people alive",
        "The search will go on as long as there is hope that people are still alive",
    ),
    (
        "Every family that lost a home will be given shelter before winter",
        "Shelter will be provided to all families left homeless before the winter comes",
    ),
    (
        "This is the worst disaster our region has seen in a generation",
        "Our region has not suffered a disaster like this in a generation",
    ),
];

const ELECTION_QUOTES: &[(&str, &str)] = &[
    (
        "The people have spoken clearly and we will respect their choice",
        "The people spoke with a clear voice and their choice will be respected",
    ),
    (
        "This count was free and fair and we stand by the result",
        "We stand by the result because the count was fair and free",
    ),
    (
        "Our doors remain open to anyone who wants to build the country with us",
        "Anyone who wants to build the country with us will find our doors open",
    ),
];

const BUDGET_QUOTES: &[(&str, &str)] = &[
    (
        "This budget protects families while putting our finances back on track",
        "The budget shields families and puts public finances back on a sound footing",
    ),
    (
        "We are investing in schools because they are the foundation of growth",
        "Schools are the foundation of growth, which is why we are investing in them",
    ),
    (
        "There will be no new taxes on working people this year",
        "Working people will face no new taxes this year",
    ),
];

const VISIT_QUOTES: &[(&str, &str)] = &[
    (
        "Our countries are committed to a strategy of deepening defence cooperation",
        "Our nations adhere to a strategic course of strengthening cooperation in defence",
    ),
    (
        "You are a reliable partner and a true friend in the region",
        "You remain a dependable partner and a real friend in this region",
    ),
    (
        "This visit is our answer to the visit you paid us last year",
        "Our visit is a response to the one you made to us last year",
    ),
];

/// A made-up proper name of two or three syllables.
fn random_name(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    name(rng, n)
}
