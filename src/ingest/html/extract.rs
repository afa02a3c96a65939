//! The article text of a page: which part of the tree is the article, and its headline and
//! paragraphs as plain text, each character traced back to the page.
//!
//! Input: a [`Tree`]. Output: [`Article`], the text (headline, blank line, paragraphs
//! separated by blank lines) and anchors mapping text offsets to byte offsets in the page.
//!
//! The method is the one of content-scoring extractors: navigation, banners, comment
//! threads, share bars and the like are known by their tags, roles and class words and set
//! aside; every paragraph scores its ancestors by its length and commas; the best-scored
//! container, with the siblings that score near it, is the article. Its blocks are then
//! kept unless they are mostly links or known widget lines.

use super::tree::{Element, Kind, Tree};

/// A paragraph shorter than this (characters) does not score its container.
const MIN_SCORED_CHARS: usize = 25;
/// An article whose text is shorter than this (characters) is no article.
pub(crate) const MIN_ARTICLE_CHARS: usize = 200;
/// A block whose text is more than this share links is navigation...
const MAX_BLOCK_LINK_DENSITY: f64 = 0.5;
/// ... unless it has this many characters of its own, a sentence around its links...
const MIN_OWN_CHARS: usize = 30;
/// ... and no more than this share of links (a list of headlines with labels has more).
const MAX_TEXT_LINK_DENSITY: f64 = 0.7;

/// The article found in a page.
#[derive(Debug, Clone, Default)]
pub(crate) struct Article {
    /// Headline paragraph (may be empty), then the body paragraphs.
    pub(crate) text: String,
    /// `(text offset, page byte offset)`, sorted by text offset: from each anchor on, text
    /// and page advance together until the next anchor.
    pub(crate) anchors: Vec<(usize, usize)>,
    /// Where the body starts in `text` (after the headline and its blank line).
    pub(crate) body_start: usize,
    /// The headline, when the page has one.
    pub(crate) headline: Option<String>,
}

/// Class and id words that mark a part of the page that is never the article.
const NEGATIVE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "disqus",
    "footer",
    "gallery",
    "gdpr",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "notification",
    "outbrain",
    "pagination",
    "pager",
    "popular",
    "popup",
    "prev",
    "promo",
    "recirc",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "trending",
    "widget",
];

/// Class and id words of parts that are never article text, whatever other words the
/// element carries ("wp-caption-text", "entry-author-bio", "post-list--most-popular") and
/// on paragraphs too: captions, photo credits, bylines, datelines, calls to action, author
/// boxes, lists of other stories.
const NEVER_TEXT_WORDS: &[&str] = &[
    "author",
    "bio",
    "byline",
    "caption",
    "credit",
    "credits",
    "cta",
    "dateline",
    "excerpt",
    "nocontent",
    "outbrain",
    "popular",
    "recommended",
    "taboola",
    "trending",
];

/// Whole class names of content hidden from readers until a script shows it.
const HIDDEN_CLASSES: &[&str] = &[
    "d-none",
    "hidden",
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
];

/// Class and id words that mark a part never holding the article, however large.
const STRONG_NEGATIVE_WORDS: &[&str] = &["comment", "comments", "disqus", "related", "recirc"];

fn has_word(e: &Element, words: &[&str]) -> bool {
    class_words(e).any(|w| words.contains(&w.as_str()))
}

/// Class and id words of the article container.
const POSITIVE_WORDS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "post",
    "story",
    "text",
    "prose",
    "articlebody",
];

/// Tags never part of the article text.
const JUNK_TAGS: &[&str] = &[
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "menu",
    "dialog",
    "figure",
    "figcaption",
    "label",
    "fieldset",
    "legend",
    "video",
    "audio",
    "picture",
    "img",
    "head",
    "header",
    "time",
    "address",
    "cite",
    "sup",
];

const JUNK_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "search",
    "toolbar",
    "tablist",
];

/// Tags that break the text into paragraphs.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "header",
    "body",
];

/// Per-node facts computed once.
struct Stats {
    /// Set aside with its whole subtree.
    junk: Vec<bool>,
    /// Characters of text not set aside.
    chars: Vec<usize>,
    /// Of which inside links.
    link_chars: Vec<usize>,
    /// Inside a link.
    in_link: Vec<bool>,
}

/// Finds the article in `tree`.
pub(crate) fn article(tree: &Tree, html: &str) -> Article {
    let stats = stats(tree);
    let (scores, good) = score(tree, &stats);
    let Some(top) = best(tree, &stats, &scores, &good) else {
        return Article::default();
    };
    let roots = with_siblings(tree, &stats, &scores, top);
    let mut out = Writer::new(html);
    let headline = headline(tree, &roots);
    if let Some(h) = headline {
        out.block(tree, &stats, h, true);
        out.end_paragraph(true);
    }
    let body_start = out.text.len();
    // kickers and bylines above the headline are not body text
    out.skip_until = headline.filter(|&h| h >= roots[0]).unwrap_or(0);
    for &r in &roots {
        out.block(tree, &stats, r, false);
        out.end_paragraph(false);
    }
    let mut a = out.finish();
    a.body_start = body_start.min(a.text.len());
    a.headline = headline.map(|_| a.text[..a.body_start].trim().to_owned());
    if a.text.len() - a.body_start < MIN_ARTICLE_CHARS {
        return Article {
            headline: a.headline,
            ..Article::default()
        };
    }
    a
}

fn class_words(e: &Element) -> impl Iterator<Item = String> + '_ {
    let class = e.attr("class").unwrap_or("");
    let id = e.attr("id").unwrap_or("");
    [class, id].into_iter().flat_map(|s| {
        let mut words = Vec::new();
        let mut cur = String::new();
        let mut prev_lower = false;
        for c in s.chars() {
            if c.is_ascii_alphanumeric() {
                if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                prev_lower = c.is_ascii_lowercase();
                cur.push(c.to_ascii_lowercase());
            } else {
                prev_lower = false;
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            }
        }
        if !cur.is_empty() {
            words.push(cur);
        }
        words
    })
}

/// Whether an element is set aside on its own account.
fn is_junk(e: &Element) -> bool {
    // AMP's components (ads, sidebars, share buttons) hold no article text
    if JUNK_TAGS.contains(&e.tag.as_str()) || e.tag.starts_with("amp-") {
        return true;
    }
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden").is_some_and(|v| v == "true")
        || e.attr("role").is_some_and(|r| JUNK_ROLES.contains(&r))
    {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let s = style.to_ascii_lowercase().replace(' ', "");
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if matches!(e.tag.as_str(), "body" | "html" | "article" | "main") {
        return false;
    }
    if e.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|c| HIDDEN_CLASSES.iter().any(|h| h.eq_ignore_ascii_case(c)))
    }) || has_word(e, NEVER_TEXT_WORDS)
    {
        return true;
    }
    if e.tag == "p" {
        return false;
    }
    let mut neg = false;
    let mut pos = false;
    for w in class_words(e) {
        neg |= NEGATIVE_WORDS.contains(&w.as_str());
        pos |= POSITIVE_WORDS.contains(&w.as_str());
    }
    neg && !pos
}

fn stats(tree: &Tree) -> Stats {
    let n = tree.nodes.len();
    // Text under `p` elements (or long runs of text), before anything is set aside: a wrapper holding most of it
    // is the page's frame, whatever its class says ("has-sidebar", "page-ad-margins").
    let mut p_chars = vec![0usize; n];
    let mut in_p = vec![false; n];
    for i in 1..n {
        let p = tree.nodes[i].parent.unwrap_or(0);
        in_p[i] = in_p[p] || tree.tag(i) == "p";
    }
    for i in (1..n).rev() {
        if let Kind::Text { text, .. } = &tree.nodes[i].kind {
            if in_p[i] || text.len() >= 80 {
                p_chars[i] = text.len();
            }
        }
        let p = tree.nodes[i].parent.unwrap_or(0);
        p_chars[p] += p_chars[i];
    }
    let frame = p_chars[0] / 2;
    let mut junk = vec![false; n];
    let mut in_link = vec![false; n];
    for i in 1..n {
        let node = &tree.nodes[i];
        let p = node.parent.unwrap_or(0);
        let (pj, pl) = (junk[p], in_link[p]);
        match &node.kind {
            Kind::Element(e) => {
                let frame = p_chars[i] > frame && !has_word(e, STRONG_NEGATIVE_WORDS);
                junk[i] = pj || (is_junk(e) && !frame);
                in_link[i] = pl || e.tag == "a";
            }
            Kind::Text { .. } => {
                junk[i] = pj;
                in_link[i] = pl;
            }
        }
    }
    let mut chars = vec![0; n];
    let mut link_chars = vec![0; n];
    for i in (1..n).rev() {
        if let Kind::Text { text, .. } = &tree.nodes[i].kind {
            if !junk[i] {
                let c = text.trim().chars().count();
                chars[i] = c;
                if in_link[i] {
                    link_chars[i] = c;
                }
            }
        }
        if junk[i] {
            continue;
        }
        let p = tree.nodes[i].parent.unwrap_or(0);
        chars[p] += chars[i];
        link_chars[p] += link_chars[i];
    }
    Stats {
        junk,
        chars,
        link_chars,
        in_link,
    }
}

fn link_density(s: &Stats, n: usize) -> f64 {
    if s.chars[n] == 0 {
        return 0.0;
    }
    s.link_chars[n] as f64 / s.chars[n] as f64
}

/// The nearest block element at or above node `n`.
fn block_of(tree: &Tree, n: usize) -> usize {
    let mut at = n;
    while let Some(p) = tree.nodes[at].parent {
        if BLOCKS.contains(&tree.tag(p)) && tree.tag(p) != "br" {
            return p;
        }
        at = p;
    }
    0
}

/// Content scores of containers, from the text blocks under them, and the characters of
/// good paragraphs (long enough, few links) under each node.
fn score(tree: &Tree, s: &Stats) -> (Vec<f64>, Vec<usize>) {
    let n = tree.nodes.len();
    let mut block_chars = vec![0usize; n];
    let mut block_commas = vec![0usize; n];
    let mut block_links = vec![0usize; n];
    for i in 1..n {
        if let Kind::Text { text, .. } = &tree.nodes[i].kind {
            if s.junk[i] {
                continue;
            }
            let b = block_of(tree, i);
            let c = text.trim().chars().count();
            block_chars[b] += c;
            if s.in_link[i] {
                block_links[b] += c;
            } else {
                block_commas[b] += text.matches([',', '،', '、', '，']).count();
            }
        }
    }
    let mut scores = vec![0.0; n];
    let mut good = vec![0usize; n];
    for b in 1..n {
        let len = block_chars[b];
        if len < MIN_SCORED_CHARS || s.junk[b] {
            continue;
        }
        let ld = block_links[b] as f64 / len as f64;
        let tag = tree.tag(b);
        let mut points = 1.0 + block_commas[b] as f64 + (len as f64 / 100.0).min(3.0);
        points *= 1.0 - ld;
        if tag == "li" || tag == "td" || tag == "th" {
            points *= 0.5;
        }
        if ld < 0.3 {
            good[b] += len - block_links[b];
        }
        if !matches!(
            tag,
            "p" | "li"
                | "td"
                | "th"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "pre"
                | "blockquote"
        ) {
            scores[b] += points;
        }
        let mut up = tree.nodes[b].parent;
        let mut level = 0;
        while let Some(a) = up {
            if level > 3 || a == 0 {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            scores[a] += points / divider;
            up = tree.nodes[a].parent;
            level += 1;
        }
    }
    for i in (1..n).rev() {
        let p = tree.nodes[i].parent.unwrap_or(0);
        if !s.junk[i] {
            good[p] += good[i];
        }
    }
    (scores, good)
}

fn weight(e: &Element) -> f64 {
    let mut w = 0.0;
    for word in class_words(e) {
        if POSITIVE_WORDS.contains(&word.as_str()) {
            w = 25.0_f64.max(w);
        }
        if NEGATIVE_WORDS.contains(&word.as_str()) {
            w -= 25.0;
        }
    }
    if e.attr("itemprop")
        .is_some_and(|v| v.contains("articleBody"))
    {
        w += 50.0;
    }
    match e.tag.as_str() {
        "article" => w += 10.0,
        "div" | "main" | "section" => w += 5.0,
        "td" | "blockquote" | "pre" => w += 3.0,
        "ol" | "ul" | "dl" | "li" | "form" => w -= 3.0,
        _ => {}
    }
    w
}

/// The best container: highest score, discounted by its links.
fn best(tree: &Tree, s: &Stats, scores: &[f64], good: &[usize]) -> Option<usize> {
    let mut top: Option<(usize, f64)> = None;
    for (i, e) in tree.elements() {
        if scores[i] <= 0.0 || s.junk[i] {
            continue;
        }
        let total = (scores[i] + weight(e)) * (1.0 - link_density(s, i));
        if top.is_none_or(|(_, t)| total > t) {
            top = Some((i, total));
        }
    }
    let (mut top, _) = top?;
    // A container whose parent holds more good paragraphs, and little else, is one part
    // of the article (chunks, sections, columns).
    while let Some(p) = tree.nodes[top].parent {
        if p == 0 || s.junk[p] || matches!(tree.tag(p), "body" | "html") {
            break;
        }
        let other = s.chars[p].saturating_sub(good[p]);
        let more = good[p] * 20 > good[top] * 23 && other < good[p];
        let same = good[p] == good[top] && s.chars[p] < s.chars[top] * 2;
        if more || same {
            top = p;
        } else {
            break;
        }
    }
    Some(top)
}

/// The container and those of its siblings that read like more of the article.
fn with_siblings(tree: &Tree, s: &Stats, scores: &[f64], top: usize) -> Vec<usize> {
    let Some(parent) = tree.nodes[top].parent else {
        return vec![top];
    };
    let threshold = (scores[top] * 0.2).max(10.0);
    let mut out = Vec::new();
    for &c in &tree.nodes[parent].children {
        if c == top {
            out.push(c);
            continue;
        }
        if s.junk[c] {
            continue;
        }
        let Some(e) = tree.element(c) else {
            continue;
        };
        let ld = link_density(s, c);
        let keep =
            scores[c] + weight(e) >= threshold || (e.tag == "p" && s.chars[c] > 80 && ld < 0.25);
        if keep {
            out.push(c);
        }
    }
    out
}

/// The headline: the first `h1` inside the article, else the last one before it.
fn headline(tree: &Tree, roots: &[usize]) -> Option<usize> {
    let first = *roots.first()?;
    let end = last_descendant(tree, *roots.last()?);
    // an `h1` in a page or entry `header` is still the headline
    let h1s = || {
        tree.elements()
            .filter(|(i, e)| e.tag == "h1" && *i <= end && has_text(tree, *i))
            .map(|(i, _)| i)
    };
    h1s()
        .find(|&i| i >= first)
        .or_else(|| h1s().filter(|&i| i < first).last())
}

fn has_text(tree: &Tree, n: usize) -> bool {
    (n..=last_descendant(tree, n))
        .any(|k| matches!(&tree.nodes[k].kind, Kind::Text { text, .. } if !text.trim().is_empty()))
}

fn last_descendant(tree: &Tree, mut n: usize) -> usize {
    while let Some(&c) = tree.nodes[n].children.last() {
        n = c;
    }
    n
}

/// Builds the text and its anchors.
struct Writer<'a> {
    html: &'a str,
    text: String,
    anchors: Vec<(usize, usize)>,
    space: bool,
    /// Start of the open paragraph (block) in `text` and in `anchors`, and its characters.
    para: (usize, usize),
    para_link_chars: usize,
    para_chars: usize,
    /// The same for the open line of the paragraph (lines end at `<br>`).
    line: (usize, usize),
    line_link_chars: usize,
    line_chars: usize,
    skip_until: usize,
}

impl<'a> Writer<'a> {
    fn new(html: &'a str) -> Writer<'a> {
        Writer {
            html,
            text: String::new(),
            anchors: Vec::new(),
            space: false,
            para: (0, 0),
            para_link_chars: 0,
            para_chars: 0,
            line: (0, 0),
            line_link_chars: 0,
            line_chars: 0,
            skip_until: 0,
        }
    }

    /// Writes the blocks under `root`, in order.
    fn block(&mut self, tree: &Tree, s: &Stats, root: usize, headline: bool) {
        let mut stack: Vec<(usize, bool)> = vec![(root, false)];
        while let Some((n, leaving)) = stack.pop() {
            match &tree.nodes[n].kind {
                Kind::Text { text, span } => {
                    if (headline || !s.junk[n]) && n >= self.skip_until {
                        self.push(text, span.clone(), s.in_link[n], !headline);
                    }
                }
                Kind::Element(e) => {
                    if s.junk[n] && n != root && !headline {
                        continue;
                    }
                    let is_block = BLOCKS.contains(&e.tag.as_str());
                    if !headline && e.tag == "h1" {
                        // the headline is written apart
                        self.skip_until = self.skip_until.max(last_descendant(tree, n) + 1);
                        continue;
                    }
                    if e.tag == "br" && !headline {
                        // (a void element: visited once on the way in, once out)
                        if !leaving {
                            self.end_line("\n");
                        }
                    } else if is_block {
                        self.end_paragraph(headline);
                    }
                    if !leaving {
                        stack.push((n, true));
                        for &c in tree.nodes[n].children.iter().rev() {
                            stack.push((c, false));
                        }
                    }
                }
            }
        }
    }

    /// Appends decoded `text` whose raw source is `span` of the page, counting its
    /// characters as link text when `link`. With `breaks`, a blank line inside the text
    /// (paragraphs written as plain text, one blank line apart) ends a line as `<br>`
    /// does, so a one-line quote stays its own paragraph.
    fn push(&mut self, text: &str, span: crate::text::Span, link: bool, breaks: bool) {
        let mut newlines = 0;
        let raw = self.html.get(span.clone()).unwrap_or("");
        let rb = raw.as_bytes();
        let mut r = 0;
        for c in text.chars() {
            let mut buf = [0u8; 4];
            let cb = c.encode_utf8(&mut buf).as_bytes();
            // one byte compared as a byte: a slice comparison per character is a call to
            // `memcmp`, which was a tenth of the time of reading a page
            let same = match cb {
                [b] => rb.get(r) == Some(b),
                _ => rb.get(r..r + cb.len()) == Some(cb),
            };
            let at = if same {
                let at = r;
                r += cb.len();
                at
            } else if rb.get(r) == Some(&b'&') {
                let at = r;
                r += entity_len(&rb[r..]);
                at
            } else if let Some(k) = rb
                .get(r..(r + 16).min(rb.len()))
                .and_then(|w| memchr::memmem::find(w, cb))
            {
                r += k + cb.len();
                r - cb.len()
            } else {
                r
            };
            if c.is_whitespace() || c.is_control() {
                self.space = true;
                newlines += usize::from(c == '\n');
                continue;
            }
            if breaks && newlines >= 2 {
                self.end_line("\n\n");
            }
            newlines = 0;
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
                self.count(link);
            }
            self.space = false;
            let out = self.text.len();
            let src = span.start + at;
            let continues = self
                .anchors
                .last()
                .is_some_and(|&(o, p)| p + (out - o) == src);
            if !continues {
                self.anchors.push((out, src));
            }
            self.text.push(c);
            self.count(link);
        }
    }

    /// Counts one character written to the open line and paragraph.
    fn count(&mut self, link: bool) {
        self.para_chars += 1;
        self.line_chars += 1;
        if link {
            self.para_link_chars += 1;
            self.line_link_chars += 1;
        }
    }

    /// Ends the open line: a line that is a widget label is dropped, the others end with
    /// `end` (a newline at a `<br>`, a blank line between paragraphs). The block the line
    /// is part of goes on.
    fn end_line(&mut self, end: &str) {
        let (start, anchor_start) = self.line;
        let body = self.text[start..].trim();
        if body.is_empty() {
            self.text.truncate(start);
            // a paragraph ends in a blank line, and so does a line left empty (`<br><br>`)
            if self.text.ends_with('\n') && !self.text.ends_with("\n\n") {
                self.text.push('\n');
            }
        } else if is_widget_line(body) {
            self.text.truncate(start);
            self.anchors.truncate(anchor_start);
            self.para_chars = self.para_chars.saturating_sub(self.line_chars);
            self.para_link_chars = self.para_link_chars.saturating_sub(self.line_link_chars);
        } else {
            self.text.push_str(end);
        }
        self.space = false;
        self.line = (self.text.len(), self.anchors.len());
        self.line_chars = 0;
        self.line_link_chars = 0;
    }

    /// Ends the open block, dropping it when it is mostly links with little text of its
    /// own (a list of headlines, "Read more: ..."); each of its lines was checked for
    /// widget labels. `keep_any` keeps whatever it holds (the headline).
    fn end_paragraph(&mut self, keep_any: bool) {
        if keep_any {
            let body = self.text[self.line.0..].trim();
            if body.is_empty() {
                self.text.truncate(self.line.0);
            } else {
                self.text.push_str("\n\n");
            }
        } else {
            self.end_line("\n\n");
        }
        let (start, anchor_start) = self.para;
        let own = self.para_chars.saturating_sub(self.para_link_chars);
        let links = self.para_link_chars as f64;
        let drop = !keep_any
            && links > self.para_chars as f64 * MAX_BLOCK_LINK_DENSITY
            && (own < MIN_OWN_CHARS || links > self.para_chars as f64 * MAX_TEXT_LINK_DENSITY);
        if drop {
            self.text.truncate(start);
            self.anchors.truncate(anchor_start);
        }
        self.space = false;
        self.para = (self.text.len(), self.anchors.len());
        self.line = self.para;
        self.para_chars = 0;
        self.para_link_chars = 0;
        self.line_chars = 0;
        self.line_link_chars = 0;
    }

    fn finish(mut self) -> Article {
        while self.text.ends_with('\n') {
            self.text.pop();
        }
        self.text.push('\n');
        Article {
            text: self.text,
            anchors: self.anchors,
            body_start: 0,
            headline: None,
        }
    }
}

/// Short lines that are widget labels, not article text.
fn is_widget_line(p: &str) -> bool {
    if p.chars().count() > 60 {
        return false;
    }
    let l = p.to_lowercase();
    let l = l.trim_end_matches([':', '.', '!', ' ']);
    const LABELS: &[&str] = &[
        "advertisement",
        "advertising",
        "advert",
        "ad",
        "share",
        "share this",
        "share this article",
        "share this story",
        "read more",
        "read next",
        "related",
        "related articles",
        "related stories",
        "more from",
        "comments",
        "leave a comment",
        "sign up",
        "subscribe",
        "continue reading",
        "story continues below",
        "article continues below",
        "skip to content",
        "follow us",
        "recommended",
        "most read",
        "most popular",
    ];
    LABELS.contains(&l)
}

/// Length of the character reference at the start of `b` (which starts with `&`).
fn entity_len(b: &[u8]) -> usize {
    let mut i = 1;
    if b.get(1) == Some(&b'#') {
        i = 2;
        if matches!(b.get(2), Some(b'x' | b'X')) {
            i = 3;
        }
        while b.get(i).is_some_and(u8::is_ascii_hexdigit) {
            i += 1;
        }
    } else {
        while b.get(i).is_some_and(u8::is_ascii_alphanumeric) && i < 40 {
            i += 1;
        }
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!("<html><head><title>T</title></head><body>{body}</body></html>")
    }

    const PARA: &str = "The harbour board met on Tuesday evening, and after a long debate it voted to keep the old ferry running for another two years.";

    #[test]
    fn the_article_is_kept_and_navigation_is_not() {
        let html = page(&format!(
            "<nav><a href=/>Home</a> <a href=/w>World</a></nav><div class=\"cookie-banner\"><p>We use cookies to improve your visit, please accept them all now.</p></div>\
             <article><h1>Ferry saved</h1><p>{PARA}</p><p>{PARA}</p><div class=share><a>Share</a></div></article>\
             <aside><p>Related: a story about other boats, with many words in it to score.</p></aside>"
        ));
        let t = Tree::parse(&html);
        let a = article(&t, &html);
        assert_eq!(a.headline.as_deref(), Some("Ferry saved"));
        assert_eq!(a.text, format!("Ferry saved\n\n{PARA}\n\n{PARA}\n"));
    }

    #[test]
    fn anchors_point_at_the_source_with_entities_decoded() {
        let html = page(&format!("<article><p>Tom &amp; Jerry&#8217;s boat\n   sailed. {PARA}</p><p>{PARA}</p></article>"));
        let t = Tree::parse(&html);
        let a = article(&t, &html);
        let at = |needle: &str| {
            let off = a.text.find(needle).unwrap_or(usize::MAX);
            let i = a.anchors.partition_point(|&(o, _)| o <= off) - 1;
            let (o, p) = a.anchors[i];
            p + (off - o)
        };
        assert_eq!(&html[at("Jerry")..at("Jerry") + 5], "Jerry");
        assert_eq!(&html[at("sailed")..at("sailed") + 6], "sailed");
        assert!(a.text.starts_with("Tom & Jerry\u{2019}s boat sailed."));
    }

    #[test]
    fn captions_bylines_and_author_boxes_are_left_out_whatever_their_other_classes() {
        let html = page(&format!(
            "<article><div class=\"entry-content\"><p class=\"byline\">By Ana Lind, staff writer</p><p>{PARA}</p>\
             <div class=\"wp-caption\"><p class=\"wp-caption-text\">The old ferry at the quay on a grey morning.</p></div>\
             <p>{PARA}</p><div class=\"post-author\"><p>Ana writes about boats, harbours and the people who run them.</p></div>\
             <div class=\"post-list most-popular\"><p>Another story that many readers opened today, with a long teaser.</p></div>\
             <p class=\"sr-only\">Text for screen readers only, not shown on the page.</p></div></article>"
        ));
        let t = Tree::parse(&html);
        let a = article(&t, &html);
        assert_eq!(a.text, format!("{PARA}\n\n{PARA}\n"));
    }

    #[test]
    fn a_sentence_around_its_links_is_kept_and_a_list_of_headlines_is_not() {
        let html = page(&format!(
            "<article><p>{PARA}</p>\
             <p>The board had shelved the plan in 2019 but <a href=/a>brought it back after the storm damaged the pier</a>.</p>\
             <p><strong>READ MORE</strong><br><a href=/b>Storm damages the pier at Port Alder overnight</a> [VIDEO]<br>\
             <a href=/c>Ferry fares to rise for the first time in a decade</a> [NEWS]</p>\
             <p>1) A guide to the island's walks<br><a href=/d>http://short.example/x1</a></p><p>{PARA}</p></article>"
        ));
        let t = Tree::parse(&html);
        let a = article(&t, &html);
        assert!(
            a.text.contains("but brought it back after the storm"),
            "{}",
            a.text
        );
        assert!(
            !a.text.contains("READ MORE") && !a.text.contains("Ferry fares"),
            "{}",
            a.text
        );
        // lines of one paragraph are judged together, and stay lines of one paragraph
        assert!(
            a.text.contains("walks\nhttp://short.example/x1\n\n"),
            "{}",
            a.text
        );
    }

    #[test]
    fn a_quote_on_its_own_line_stays_its_own_paragraph() {
        let html = page(&format!(
            "<article><div class=\"entry-content\">{PARA}\n\n\u{201c}We will not leave the island without a boat\u{201d}\n\n{PARA}\
             <p>{PARA}<br><br>\u{201c}Not this year\u{201d}<br>said the mayor.</p></div></article>"
        ));
        let t = Tree::parse(&html);
        let a = article(&t, &html);
        assert!(
            a.text.contains(
                "\n\n\u{201c}We will not leave the island without a boat\u{201d}\n\nThe harbour"
            ),
            "{}",
            a.text
        );
        assert!(
            a.text
                .contains(".\n\n\u{201c}Not this year\u{201d}\nsaid the mayor."),
            "{}",
            a.text
        );
    }

    #[test]
    fn a_page_without_an_article_gives_no_text() {
        let html = page("<nav><a href=/a>Sign in</a></nav><form><input name=user><button>Log in</button></form>");
        let t = Tree::parse(&html);
        assert!(article(&t, &html).text.is_empty());
    }
}
