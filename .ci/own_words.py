#!/usr/bin/env python3
"""Own words: fail when the repository repeats 8+ consecutive words of a publisher's text.

The articles under ../shared/seeds and ../shared/news belong to their publishers. Facts and
figures from them may appear in the project; their sentences may not. This check tokenises
every article into lowercased words and reports every git-tracked text file of the repository
that shares a run of RUN (8) or more consecutive words with any of them.

Usage: python3 .ci/own_words.py [--shared DIR] [--run N]

DIR defaults to the environment variable CROSSCHECK_SHARED, else `../shared` next to the
repository root (for a git worktree elsewhere, also `../shared` next to the main checkout).
When no such folder exists the check is skipped with a message and exit code 0, so a fresh
clone alone still passes. Exit 1 when anything is found. Python 3 standard library only.

Only the articles (`*.txt`) are read: each gold.toml quotes them (every claim text is an exact
substring of one) and the READMEs and scripts are the project's own.

Normalisation, applied to both sides so a hard-wrapped, escaped or re-quoted copy is caught:
NFKC, accents dropped, case folded, HTML entities decoded, apostrophes inside a word dropped
(Russia's, Russia’s and Russia\\'s all read `russias`), backslash escapes of source code
decoded (`\\u{2019}`, `\\"`) or read as a space (`\\n`, `\\t`, `\\s`), and every other
non-letter, non-digit character (punctuation, markdown, quotes, underscores, line breaks) read
as a space, except `|` and `^`, which no run crosses (regex alternatives, table cells). A file
is one stream of words across its lines. In Rust files the contents of string literals are
also read as one stream of their own, so a sentence split over several literals (concatenated,
or one literal per line of an array) is still caught.
"""

import argparse
import html
import os
import re
import subprocess
import sys
import unicodedata

RUN = 8

# Site chrome that WordPress and most news sites print around every article: comment forms,
# share buttons, follow boxes. It is the platform's text, not the publisher's, and the fixtures
# imitate scraped pages (the claims pack must recognise and strip it), so it may appear in the
# repository. In the articles these phrases are cut out before indexing: a run that lies in
# them is not reported, a run of 8 article words next to one still is. Keep this list short
# and generic: only interface text that any site could print, never a sentence a journalist
# or an editor wrote, and never one site's own wording.
BOILERPLATE = [
    # WordPress comment form
    "Leave a Reply",
    "Fill in your details below or click an icon to log in",
    "You are commenting using your WordPress.com account",
    "You are commenting using your Twitter account",
    "You are commenting using your Facebook account",
    "You are commenting using your Google account",
    "Log Out / Change",
    "Notify me of new comments via email",
    "Notify me of new posts via email",
    "Save my name, email, and website in this browser for the next time I comment",
    "Your email address will not be published. Required fields are marked",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed",
    # share buttons and follow boxes
    "Click to share on Twitter (Opens in new window)",
    "Click to share on Facebook (Opens in new window)",
    "Follow us on Telegram for the latest updates",
]

# Files of the shared folders that hold publisher text (see the module doc).
ARTICLE_SUFFIXES = (".txt",)
SHARED_SUBDIRS = ("seeds", "news")

_APOSTROPHE = re.compile(r"(?<=[^\W_])['’‘ʼ`´](?=[^\W_])")
# A word, or a break no run crosses: `|` and `^` join alternatives and cells (regexes, tables).
_WORD = re.compile(r"[^\W_]+|[|^]")
BREAK = "|"
_UNICODE_ESCAPE = re.compile(r"\\u\{([0-9A-Fa-f]{1,6})\}|\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})")
_QUOTE_ESCAPE = re.compile(r"\\(['\"])")
_LETTER_ESCAPE = re.compile(r"\\[A-Za-z]")


def _decode_unicode(match):
    digits = match.group(1) or match.group(2) or match.group(3)
    try:
        return chr(int(digits, 16))
    except (ValueError, OverflowError):
        return " "


def normalise(text, escapes):
    """Normalised text of one line (or literal): letters, digits and breaks only matter."""
    if escapes and "\\" in text:
        text = _UNICODE_ESCAPE.sub(_decode_unicode, text)
        text = _QUOTE_ESCAPE.sub(r"\1", text)
        text = _LETTER_ESCAPE.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    return _APOSTROPHE.sub("", text)


def words(text, escapes=False):
    return [BREAK if w == "^" else w for w in _WORD.findall(normalise(text, escapes))]


def line_words(text, escapes):
    """(word, line number) for every word of a text, lines numbered from 1."""
    out = []
    for number, line in enumerate(text.split("\n"), 1):
        out.extend((w, number) for w in words(line, escapes))
    return out


# ---------------------------------------------------------------- Rust string literals

_RAW_START = re.compile(r'b?r(#*)"')
_CHAR_LITERAL = re.compile(r"'(?:\\u\{[0-9A-Fa-f]+\}|\\x[0-9A-Fa-f]{2}|\\.|[^\\'\n])'")


def rust_literal_words(text):
    """(word, line) for the contents of every string literal of a Rust file, in order."""
    out = []
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
        elif c == "'":
            m = _CHAR_LITERAL.match(text, i)
            i = m.end() if m else i + 1
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            body = text[i + 1:j]
            out.extend((w, line + k - 1) for w, k in line_words(body, True))
            line += body.count("\n")
            i = j + 1
        elif c.isalnum() or c == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            raw = _RAW_START.match(text, i) if text[i:j] in ("r", "br") else None
            if raw is None:
                i = j  # an identifier, or the b of b"...", whose quote comes next
                continue
            close = '"' + raw.group(1)
            end = text.find(close, raw.end())
            end = n if end < 0 else end
            out.extend((w, line + k - 1) for w, k in line_words(text[raw.end():end], False))
            line += text.count("\n", i, end)
            i = min(n, end + len(close))
        else:
            i += 1
    return out


# ---------------------------------------------------------------- index and scan

def find_shared(root, given):
    if given:
        return given if os.path.isdir(given) else None
    env = os.environ.get("CROSSCHECK_SHARED")
    if env:
        return env if os.path.isdir(env) else None
    candidates = [os.path.join(root, "..", "shared")]
    try:
        common = subprocess.run(
            ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout.strip()
        candidates.append(os.path.join(os.path.dirname(common), "..", "shared"))
    except (OSError, subprocess.CalledProcessError):
        pass
    for path in candidates:
        if any(os.path.isdir(os.path.join(path, sub)) for sub in SHARED_SUBDIRS):
            return os.path.normpath(path)
    return None


def article_files(shared):
    for sub in SHARED_SUBDIRS:
        top = os.path.join(shared, sub)
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(ARTICLE_SUFFIXES):
                    yield os.path.join(dirpath, name)


def cut_boilerplate(ws, phrases):
    """The words `ws` with every occurrence of a boilerplate phrase replaced by one break."""
    out, k = [], 0
    while k < len(ws):
        hit = next((p for p in phrases.get(ws[k], ()) if tuple(ws[k:k + len(p)]) == p), None)
        if hit is None:
            out.append(ws[k])
            k += 1
        else:
            out.append(BREAK)
            k += len(hit)
    return out


def build_index(shared, run):
    """Every run-word window of the articles -> the files it occurs in (boilerplate cut out)."""
    phrases = {}
    for phrase in BOILERPLATE:
        ws = tuple(words(phrase))
        phrases.setdefault(ws[0], []).append(ws)
    for group in phrases.values():
        group.sort(key=len, reverse=True)
    index = {}
    count = 0
    for path in article_files(shared):
        with open(path, encoding="utf-8", errors="replace") as f:
            ws = cut_boilerplate(words(f.read()), phrases)
        count += 1
        name = os.path.relpath(path, shared)
        for k in range(len(ws) - run + 1):
            gram = tuple(ws[k:k + run])
            if BREAK in gram:
                continue
            seen = index.get(gram)
            if seen is None:
                index[gram] = [name]
            elif seen[-1] != name:
                seen.append(name)
    return index, count


def tracked_files(root):
    out = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    return [p for p in out.decode("utf-8", "surrogateescape").split("\0") if p]


def hits_in_stream(stream, index, run):
    """Maximal runs of stream words whose every run-word window is in the index."""
    found = []
    k, n = 0, len(stream) - run + 1
    while k < n:
        gram = tuple(w for w, _ in stream[k:k + run])
        if gram not in index:
            k += 1
            continue
        start, sources = k, list(index[gram])
        while k + 1 < n and tuple(w for w, _ in stream[k + 1:k + 1 + run]) in index:
            k += 1
            for s in index[tuple(w for w, _ in stream[k:k + run])]:
                if s not in sources:
                    sources.append(s)
        end = k + run
        found.append((stream[start][1], " ".join(w for w, _ in stream[start:end]), sources))
        k = end
    return found


def scan_file(path, text, index, run):
    escapes = not path.endswith((".txt", ".md"))
    streams = [line_words(text, escapes)]
    if path.endswith(".rs"):
        streams.append(rust_literal_words(text))
    hits = []
    for stream in streams:
        for line, shared, sources in hits_in_stream(stream, index, run):
            # The literal stream re-finds what the whole-file stream found; keep one report.
            if any(at == line and (shared in other or other in shared) for at, other, _ in hits):
                continue
            hits.append((line, shared, sources))
    return sorted(hits)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", help="folder holding seeds/ and news/ (default ../shared)")
    parser.add_argument("--run", type=int, default=RUN, help="shortest shared run reported (8)")
    args = parser.parse_args()
    root = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True,
        cwd=os.path.dirname(os.path.abspath(__file__)),
    ).stdout.strip()
    shared = find_shared(root, args.shared)
    if shared is None:
        print("own words: skipped: ../shared not found")
        return 0
    index, articles = build_index(shared, args.run)
    total, files = 0, 0
    for path in tracked_files(root):
        full = os.path.join(root, path)
        try:
            with open(full, "rb") as f:
                data = f.read()
        except OSError:
            continue
        if b"\0" in data:
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        files += 1
        for line, shared_words, sources in scan_file(path, text, index, args.run):
            total += 1
            more = f" (+{len(sources) - 3} more)" if len(sources) > 3 else ""
            print(f"{path}:{line}: {shared_words}  [from {', '.join(sources[:3])}{more}]")
    if total:
        print(f"own words: {total} run(s) of {args.run}+ words shared with {shared}; "
              "rewrite them in your own words", file=sys.stderr)
        return 1
    print(f"own words: ok, {files} files share no run of {args.run}+ words with {articles} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
