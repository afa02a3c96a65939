//! The manual and shell completions, generated from the clap definitions so they never
//! drift from the parser.
//!
//! Input: [`Cli`]'s command tree. Output: `crosscheck man` writes one roff page
//! (`crosscheck.1`) with the global options, a section per command with its own options,
//! the exit status, the config file and the environment; `crosscheck completions SHELL`
//! writes a completion script for bash, zsh, fish, PowerShell or elvish.

use std::io::{self, Write};

use clap::CommandFactory;

use super::args::Cli;

/// Writes the completion script for `shell`.
pub(super) fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> io::Result<()> {
    // the generators panic on a failed write: they write to memory, we write the result
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "crosscheck", &mut script);
    out.write_all(&script)
}

/// Writes the man page.
pub(super) fn man(out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.get_id().to_string())
        .collect();
    let page = clap_mangen::Man::new(cmd.clone());
    let mut roff = Vec::new();
    page.render_title(&mut roff)?;
    page.render_name_section(&mut roff)?;
    page.render_synopsis_section(&mut roff)?;
    page.render_description_section(&mut roff)?;
    page.render_options_section(&mut roff)?;
    roff.extend_from_slice(b".SH COMMANDS\n");
    for sub in commands(&cmd) {
        let mut sub = sub.clone();
        for id in &globals {
            sub = sub.mut_arg(id, |a| a.hide(true));
        }
        let name = sub
            .get_bin_name()
            .unwrap_or_else(|| sub.get_name())
            .to_owned();
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        let has_options = sub.get_arguments().any(|a| !a.is_hide_set());
        let page = clap_mangen::Man::new(sub);
        writeln!(roff, ".SS \"{}\"", text(&name))?;
        roff.extend(without_heading(
            &page,
            clap_mangen::Man::render_synopsis_section,
        )?);
        writeln!(roff, ".PP\n{}", text(&about))?;
        if has_options {
            roff.extend(without_heading(
                &page,
                clap_mangen::Man::render_options_section,
            )?);
        }
    }
    for (heading, body) in sections() {
        writeln!(roff, ".SH {heading}")?;
        for paragraph in body.split("\n\n") {
            writeln!(roff, ".PP\n{}", text(paragraph))?;
        }
    }
    page.render_version_section(&mut roff)?;
    out.write_all(&once_preamble(&roff))
}

/// Whether a roff line is part of the preamble each rendered section opens with.
fn is_preamble(line: &[u8]) -> bool {
    line.starts_with(b".ie \\n(.g .ds Aq") || line.starts_with(b".el .ds Aq")
}

/// The page with the preamble of its rendered sections kept only at its top.
fn once_preamble(roff: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(roff.len());
    let mut seen = 0;
    for line in roff.split_inclusive(|&b| b == b'\n') {
        if is_preamble(line) {
            seen += 1;
            if seen > 2 {
                continue;
            }
        }
        out.extend_from_slice(line);
    }
    out
}

/// The commands that do something, `pack check` and `pack dump` rather than `pack`.
fn commands(cmd: &clap::Command) -> Vec<&clap::Command> {
    let mut out = Vec::new();
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        if sub.has_subcommands() {
            out.extend(commands(sub));
        } else {
            out.push(sub);
        }
    }
    out
}

/// A section rendered by clap_mangen, without its `.SH` line and without the preamble
/// (the `Aq` string definitions) the page already has.
fn without_heading(
    page: &clap_mangen::Man,
    render: fn(&clap_mangen::Man, &mut dyn Write) -> io::Result<()>,
) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    render(page, &mut buf)?;
    let mut out = Vec::with_capacity(buf.len());
    for line in buf.split_inclusive(|&b| b == b'\n') {
        if !line.starts_with(b".SH ") && !is_preamble(line) {
            out.extend_from_slice(line);
        }
    }
    Ok(out)
}

/// Plain text as roff: backslashes and hyphens escaped, no line read as a request.
fn text(s: &str) -> String {
    s.replace('\\', "\\e")
        .replace('-', "\\-")
        .lines()
        .map(|l| {
            let l = l.trim_start();
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sections after the commands: heading, then paragraphs separated by a blank line.
fn sections() -> [(&'static str, String); 3] {
    let vars = super::config::variables().collect::<Vec<_>>().join(", ");
    [
        (
            "\"EXIT STATUS\"",
            "0: success (lint: nothing at or above --deny).\n\n\
             1: lint found something at or above --deny.\n\n\
             2: bad usage, a bad claims pack or config file, or an input that could not be \
             read; the readable sources are still reported first."
                .to_owned(),
        ),
        (
            "FILES",
            "crosscheck.toml or .crosscheck.toml: the project config file, the nearest one in \
             the working directory or a folder above it (or the file named by --config or \
             CROSSCHECK_CONFIG; --no-config reads none). Top-level keys: claims, color, \
             encoding, max-source-size; tables [report] (format, min-confidence), [lint] \
             (format, deny, allowlist), [extract], [segment] and [text] (format). Paths are \
             relative to the file's folder. An unknown key or value is an error naming its \
             line. crosscheck config dump prints the settings in effect and where each came \
             from."
                .to_owned(),
        ),
        (
            "ENVIRONMENT",
            format!(
                "{vars}: a setting, over the config file and under the flags. \
                 CROSSCHECK_CONFIG: the config file to read.\n\n\
                 NO_COLOR (non-empty) or TERM=dumb: no colour with --color auto."
            ),
        ),
    ]
}
