//! A light document tree of a web page, built from the html5gum tokenizer's tokens.
//!
//! Input: the page as text (already decoded to UTF-8). Output: an arena of element and
//! text nodes in document order. Text nodes keep their decoded text and the byte span of
//! their raw source, so later stages can point back into the page. The tree builder is a
//! forgiving subset of the HTML tree construction rules: void elements, implied ends of
//! `p`/`li`/cells, end tags closing up to their match, script/style/template contents
//! dropped. Nesting deeper than [`MAX_DEPTH`] is flattened, so no later walk recurses deeply.

use html5gum::{DefaultEmitter, Emitter, ForwardingEmitter, Token, Tokenizer};

use crate::text::Span;

/// Open elements beyond this depth are not nested further (their content joins the parent).
pub(crate) const MAX_DEPTH: usize = 256;

/// One node of the tree.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// Index of the parent, `None` for the root.
    pub(crate) parent: Option<usize>,
    /// Children in document order.
    pub(crate) children: Vec<usize>,
    /// What the node is.
    pub(crate) kind: Kind,
}

/// Element or text.
#[derive(Debug, Clone)]
pub(crate) enum Kind {
    /// An element with its lowercase tag name and the attributes later stages read.
    Element(Element),
    /// Text, decoded, with the byte span of its raw source.
    Text {
        /// Decoded text (entities resolved).
        text: String,
        /// Where it stands in the page.
        span: Span,
    },
}

/// An element.
#[derive(Debug, Clone, Default)]
pub(crate) struct Element {
    /// Lowercase tag name.
    pub(crate) tag: String,
    /// Attributes as `(lowercase name, value)`, in name order.
    pub(crate) attrs: Vec<(String, String)>,
}

impl Element {
    /// The value of attribute `name` (lowercase).
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The tree: node 0 is the document root.
#[derive(Debug, Clone)]
pub(crate) struct Tree {
    /// All nodes; children come after their parent.
    pub(crate) nodes: Vec<Node>,
    /// The deepest nesting seen (capped at [`MAX_DEPTH`] + 1).
    pub(crate) deepest: usize,
    /// Inline `<script type="application/ld+json">` contents, in order.
    pub(crate) json_ld: Vec<String>,
    /// The `<title>` text, when present.
    pub(crate) title: Option<(String, usize)>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "command",
];

/// Elements whose content is never article text (the tokenizer reads them as raw text).
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "textarea", "select",
    "object", "noembed", "noframes", "canvas", "xmp",
];

/// Start tags that end an open `p`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

impl Tree {
    /// Parses `html`.
    pub(crate) fn parse(html: &str) -> Tree {
        let mut tree = Tree {
            nodes: vec![Node {
                parent: None,
                children: Vec::new(),
                kind: Kind::Element(Element {
                    tag: "#document".into(),
                    ..Element::default()
                }),
            }],
            deepest: 0,
            json_ld: Vec::new(),
            title: None,
        };
        let mut inner = DefaultEmitter::<usize>::new_with_span();
        inner.naively_switch_states(true);
        let emitter = Quiet(inner);
        let mut stack: Vec<usize> = vec![0];
        // Inside a dropped element: its name, and whether it is JSON-LD or the title.
        let mut dropped: Option<(String, bool)> = None;
        let mut in_title = false;
        for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
            match token {
                Token::StartTag(tag) => {
                    let name = lower(&tag.name);
                    if dropped.is_some() {
                        continue;
                    }
                    if DROPPED.contains(&name.as_str()) {
                        if !tag.self_closing {
                            let ld = name == "script"
                                && tag.attributes.iter().any(|(k, v)| {
                                    k.eq_ignore_ascii_case(b"type")
                                        && String::from_utf8_lossy(&v.value)
                                            .trim()
                                            .eq_ignore_ascii_case("application/ld+json")
                                });
                            dropped = Some((name, ld));
                        }
                        continue;
                    }
                    if name == "title" {
                        in_title = !tag.self_closing;
                        continue;
                    }
                    let attrs = tag
                        .attributes
                        .iter()
                        .map(|(k, v)| (lower(k), String::from_utf8_lossy(&v.value).into_owned()))
                        .collect();
                    tree.implied_ends(&mut stack, &name);
                    let void = tag.self_closing || VOID.contains(&name.as_str());
                    let id = tree.push(&stack, Kind::Element(Element { tag: name, attrs }));
                    if !void {
                        if stack.len() <= MAX_DEPTH {
                            stack.push(id);
                        }
                        tree.deepest = tree.deepest.max(stack.len());
                    }
                }
                Token::EndTag(tag) => {
                    let name = lower(&tag.name);
                    if let Some((open, _)) = &dropped {
                        if *open == name {
                            dropped = None;
                        }
                        continue;
                    }
                    if name == "title" {
                        in_title = false;
                        continue;
                    }
                    if let Some(k) = stack.iter().rposition(|&n| tree.tag(n) == name) {
                        if k > 0 {
                            stack.truncate(k);
                        }
                    }
                }
                Token::String(s) => {
                    let text = String::from_utf8_lossy(&s.value);
                    match &dropped {
                        Some((_, true)) => tree.json_ld.push(text.into_owned()),
                        Some(_) => {}
                        None if in_title => {
                            if tree.title.is_none() {
                                tree.title = Some((text.into_owned(), s.span.start));
                            }
                        }
                        None => {
                            tree.push(
                                &stack,
                                Kind::Text {
                                    text: text.into_owned(),
                                    span: s.span.start..s.span.end,
                                },
                            );
                        }
                    }
                }
                Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
            }
        }
        tree
    }

    fn push(&mut self, stack: &[usize], kind: Kind) -> usize {
        let parent = stack.last().copied().unwrap_or(0);
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent: Some(parent),
            children: Vec::new(),
            kind,
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// Closes what a start tag `name` implicitly ends.
    fn implied_ends(&self, stack: &mut Vec<usize>, name: &str) {
        let top = |stack: &Vec<usize>| stack.last().map_or("", |&n| self.tag(n));
        if CLOSES_P.contains(&name) && top(stack) == "p" {
            stack.pop();
        }
        let closes: &[&str] = match name {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "tr" => &["tr", "td", "th"],
            "td" | "th" => &["td", "th"],
            "option" => &["option"],
            _ => &[],
        };
        if !closes.is_empty() {
            let scope: &[&str] = match name {
                "li" => &["ul", "ol"],
                "dt" | "dd" => &["dl"],
                _ => &["table", "tbody", "thead", "tfoot", "tr"],
            };
            if let Some(k) = stack
                .iter()
                .rposition(|&n| closes.contains(&self.tag(n)) || scope.contains(&self.tag(n)))
            {
                if closes.contains(&self.tag(stack[k])) && k > 0 {
                    stack.truncate(k);
                }
            }
        }
    }

    /// The tag of node `n` (`""` for text).
    pub(crate) fn tag(&self, n: usize) -> &str {
        match &self.nodes[n].kind {
            Kind::Element(e) => &e.tag,
            Kind::Text { .. } => "",
        }
    }

    /// The element of node `n`, if it is one.
    pub(crate) fn element(&self, n: usize) -> Option<&Element> {
        match &self.nodes[n].kind {
            Kind::Element(e) => Some(e),
            Kind::Text { .. } => None,
        }
    }

    /// Every element in document order (pre-order), without recursion.
    pub(crate) fn elements(&self) -> impl Iterator<Item = (usize, &Element)> {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match &n.kind {
                Kind::Element(e) => Some((i, e)),
                Kind::Text { .. } => None,
            })
    }

    /// The text under node `n`, whitespace collapsed.
    #[cfg(test)]
    pub(crate) fn text_of(&self, n: usize) -> String {
        let mut out = String::new();
        let mut todo = vec![n];
        while let Some(k) = todo.pop() {
            match &self.nodes[k].kind {
                Kind::Text { text, .. } => {
                    out.push_str(text);
                    out.push(' ');
                }
                Kind::Element(_) => todo.extend(self.nodes[k].children.iter().rev()),
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The default emitter without parse errors: the tree ignores them, and checking every
/// character for them was a tenth of the time of reading a page.
struct Quiet(DefaultEmitter<usize>);

impl ForwardingEmitter for Quiet {
    type Token = Token<usize>;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.0
    }

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

fn lower(name: &[u8]) -> String {
    String::from_utf8_lossy(name).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_close_implicitly_and_scripts_are_dropped() {
        let t = Tree::parse("<body><p>One<p>Two &amp; three<script>var x = '<p>';</script></body>");
        let ps: Vec<usize> = t
            .elements()
            .filter(|(_, e)| e.tag == "p")
            .map(|(i, _)| i)
            .collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(t.text_of(ps[0]), "One");
        assert_eq!(t.text_of(ps[1]), "Two & three");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = "<div>".repeat(10_000) + "deep text" + &"</div>".repeat(10_000);
        let t = Tree::parse(&html);
        assert!(t.deepest <= MAX_DEPTH + 1);
        assert_eq!(t.text_of(0), "deep text");
    }

    #[test]
    fn json_ld_and_title_are_kept_aside() {
        let t = Tree::parse("<title>A &amp; B</title><script type=\"application/ld+json\">{\"a\":1}</script><p>x</p>");
        assert_eq!(t.title.map(|t| t.0).as_deref(), Some("A & B"));
        assert_eq!(t.json_ld, vec!["{\"a\":1}".to_owned()]);
    }
}
