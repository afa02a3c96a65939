//! Throughput of reading a web page: decoding, the document tree, main-text extraction,
//! page metadata and the article's source (`Source::from_html`), in bytes of HTML.
//!
//! The pages are generated here and look like saved news pages: a head with meta tags,
//! JSON-LD, inline scripts and styles, a navigation bar, a cookie banner, the article
//! (headline, byline, paragraphs with links and entities, a figure), a related-stories
//! list, a comment thread and a footer. Sizes span the real range: most saved news pages
//! weigh 20 KB to 300 KB, a few over 1 MB, mostly markup and scripts.
//!
//! Runs on one thread, so the bytes counter gives MB/s per core (target: 40 MB/s).
//!
//! ```text
//! cargo bench --bench html
//! ```

use std::fmt::Write as _;

use crosscheck::{Pack, Source};
use divan::counter::BytesCount;
use divan::Bencher;

// The allocator of the `crosscheck` binary, so that the figures are the binary's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Sentences of the generated article, with the markup a newsroom CMS leaves in them.
const SENTENCES: [&str; 10] = [
    "The regional water board said on Thursday that reservoir levels had fallen to 41 percent, the lowest reading since 2019.",
    "Engineers from the <a href=\"/topics/utilities\">utility</a> told residents that a hosepipe ban would start on June&nbsp;1.",
    "&ldquo;We are asking everyone to use a little less,&rdquo; said board chair Elena Brandt, who has led the agency for six years.",
    "Farmers in the valley, where about 3,200 families grow fruit, warned that the cuts could cost them a season&#8217;s harvest.",
    "A spokesperson for the ministry said 12 emergency wells were being drilled &amp; tested near the river.",
    "Rainfall in <strong>April</strong> was less than half the usual amount, according to the weather service.",
    "Officials did not say how long the restrictions would last, but a review is planned for late summer.",
    "Some towns have already closed public fountains and limited car washing to weekends.",
    "The board will meet again on Tuesday to decide whether to raise prices for the largest users.",
    "Residents can report leaks through a hotline, which received more than 900 calls last week.",
];

/// A deterministic news page of about `target` bytes. `seed` varies the article so that
/// no two pages of a batch are byte-identical.
fn page(target: usize, seed: usize) -> String {
    let mut out = String::with_capacity(target + 4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Reservoirs Fall as Dry Spring Drags On | Valley Ledger</title>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta property=\"og:site_name\" content=\"Valley Ledger\">\n\
         <meta property=\"og:title\" content=\"Reservoirs fall as dry spring drags on\">\n\
         <meta property=\"article:published_time\" content=\"2025-05-{:02}T08:30:00Z\">\n\
         <link rel=\"canonical\" href=\"https://ledger.example/news/{seed}/reservoirs\">\n\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\
         \"@type\":\"NewsArticle\",\"headline\":\"Reservoirs fall as dry spring drags on\",\
         \"datePublished\":\"2025-05-{:02}T08:30:00Z\",\"author\":{{\"@type\":\"Person\",\
         \"name\":\"Jonas Weller\"}},\"publisher\":{{\"@type\":\"Organization\",\
         \"name\":\"Valley Ledger\"}}}}</script>\n",
        1 + seed % 28,
        1 + seed % 28,
    );
    // the bulk of a real page: styles, analytics and ad scripts, a few KB each
    let head_bulk = target / 3;
    let mut n = 0usize;
    while out.len() < head_bulk {
        let _ = writeln!(
            out,
            "<style>.card-{n}{{display:flex;margin:0 auto;padding:{}px;color:#333}}\
             .card-{n} a:hover{{text-decoration:underline}}</style>\n\
             <script>window.dataLayer=window.dataLayer||[];dataLayer.push({{'slot':'top-{n}',\
             'sizes':[[300,250],[728,90]],'targeting':{{'section':'news','id':{seed}}}}});\
             if(a<b&&c>d){{load('/ads/{n}.js')}}</script>",
            n % 24
        );
        n += 1;
    }
    out.push_str("</head>\n<body class=\"single-post\">\n");
    out.push_str(
        "<div id=\"cookie-notice\" class=\"cookie-banner\" role=\"dialog\">\n  <p>This site \
         stores small files on your device to remember your choices and to count visits.</p>\n  \
         <button>Accept all</button> <button>Settings</button>\n</div>\n\
         <header class=\"site-header\"><nav class=\"main-nav\"><ul>\n",
    );
    for s in [
        "News", "Politics", "Business", "Sport", "Weather", "Opinion", "Culture", "Travel",
    ] {
        let _ = writeln!(
            out,
            "<li class=\"menu-item\"><a href=\"/{}\">{s}</a></li>",
            s.to_lowercase()
        );
    }
    out.push_str("</ul></nav></header>\n<main id=\"content\">\n<article class=\"post\">\n");
    out.push_str(
        "<h1 class=\"entry-title\">Reservoirs fall as dry spring drags on</h1>\n\
         <div class=\"byline\">By <a href=\"/authors/jw\">Jonas Weller</a> &middot; \
         <time datetime=\"2025-05-02\">May 2, 2025</time></div>\n\
         <div class=\"share-bar\"><a href=\"#\">Share</a> <a href=\"#\">Post</a></div>\n\
         <div class=\"entry-content\">\n",
    );
    // the article: about a fifth of the page, as on real pages
    let body_end = out.len() + (target / 5).max(2000);
    let mut i = seed;
    let mut para = 0;
    while out.len() < body_end {
        out.push_str("<p>");
        for k in 0..3 + para % 3 {
            if k > 0 {
                out.push('\n');
            }
            out.push_str(SENTENCES[i % SENTENCES.len()]);
            i = i.wrapping_mul(7).wrapping_add(3);
        }
        out.push_str("</p>\n");
        if para % 6 == 5 {
            let _ = writeln!(
                out,
                "<figure class=\"wp-caption\"><img src=\"/img/{para}.jpg\" alt=\"\">\
                 <figcaption>A dry riverbed near the dam.</figcaption></figure>\n\
                 <div class=\"ad-slot\" id=\"mid-{para}\"></div>"
            );
        }
        para += 1;
    }
    out.push_str("</div>\n</article>\n<aside class=\"related-stories\"><h2>Read more</h2><ul>\n");
    let mut r = 0;
    let related_end = out.len() + target / 10;
    while out.len() < related_end {
        let _ = writeln!(
            out,
            "<li><a href=\"/news/{r}\">Council weighs new plan for river crossing, part {r}</a></li>"
        );
        r += 1;
    }
    out.push_str("</ul></aside>\n<section id=\"comments\" class=\"comments\">\n");
    let mut c = 0;
    while out.len() + 600 < target {
        let _ = writeln!(
            out,
            "<div class=\"comment\"><span class=\"author\">reader{c}</span>\
             <p>I have lived here thirty years and never seen the lake this low.</p>\
             <a class=\"reply\" href=\"#c{c}\">Reply</a></div>"
        );
        c += 1;
    }
    out.push_str(
        "</section>\n</main>\n<footer class=\"site-footer\"><p>&copy; 2025 Valley Ledger. \
         All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>\n</body>\n</html>\n",
    );
    out
}

/// A batch of pages of about `size` bytes each, about 2 MB in all.
fn pages(size: usize) -> (Vec<String>, usize) {
    let count = (2_000_000 / size).max(2);
    let pages: Vec<String> = (0..count).map(|seed| page(size, seed)).collect();
    let bytes = pages.iter().map(String::len).sum();
    (pages, bytes)
}

/// `Source::from_html` over a batch of pages of each size, on one thread.
#[divan::bench(args = [30_000, 120_000, 600_000], sample_count = 20, sample_size = 1)]
fn from_html(bencher: Bencher, size: usize) {
    let pack = Pack::default_pack();
    let (pages, bytes) = pages(size);
    for p in &pages {
        let s = Source::from_html("bench", "bench.html", p.as_bytes(), &pack)
            .unwrap_or_else(|e| panic!("a generated page gives an article: {e}"));
        assert!(s.text.starts_with("Reservoirs fall"), "{}", &s.text[..80]);
        assert!(!s.text.contains("cookie") && !s.text.contains("thirty years"));
    }
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        let mut kept = 0;
        for p in divan::black_box(&pages) {
            if let Ok(s) = Source::from_html("bench", "bench.html", p.as_bytes(), &pack) {
                kept += s.text.len();
            }
        }
        divan::black_box(kept)
    });
}
