// crosscheck report: filters, search, checked marks, keyboard moves. The page reads in
// full without this script; it only hides findings and remembers marks in this browser.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var total = findings.length;
  var KEY = "crosscheck:checked:";
  var store = null;
  try { store = window.localStorage; store.getItem(KEY); } catch (e) { store = null; }

  function isChecked(id) {
    try { return store !== null && store.getItem(KEY + id) === "1"; } catch (e) { return false; }
  }
  function setChecked(id, on) {
    if (store === null) { return; }
    try { if (on) { store.setItem(KEY + id, "1"); } else { store.removeItem(KEY + id); } } catch (e) { /* full or refused */ }
  }

  var texts = findings.map(function (f) { return f.textContent.toLowerCase(); });

  function state() {
    var verdicts = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=verdict]"), function (b) {
      verdicts[b.value] = b.checked;
    });
    return {
      verdicts: verdicts,
      kind: form.elements.kind.value,
      source: form.elements.source.value,
      q: form.elements.q.value.trim().toLowerCase(),
      unchecked: form.elements.unchecked.checked
    };
  }

  function apply() {
    var s = state();
    var words = s.q === "" ? [] : s.q.split(/\s+/);
    var n = 0;
    findings.forEach(function (f, i) {
      var ok = s.verdicts[f.dataset.verdict] !== false &&
        (s.kind === "" || f.dataset.kind === s.kind) &&
        (s.source === "" || f.dataset.sources.split(" ").indexOf(s.source) >= 0) &&
        words.every(function (w) { return texts[i].indexOf(w) >= 0; }) &&
        !(s.unchecked && f.classList.contains("is-checked"));
      f.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.dataset.visible = String(n);
    if (n === total) {
      shown.textContent = total === 1 ? "Showing the one finding." : "Showing all " + total + " findings.";
    } else {
      shown.textContent = "Showing " + n + " of " + total + " finding" + (total === 1 ? "." : "s.");
    }
  }

  // A filtered view can be opened from the address: ?verdict=conflict,agreement&kind=..&source=2&q=..
  function fromAddress() {
    var params;
    try { params = new URLSearchParams(window.location.search); } catch (e) { return; }
    var v = params.get("verdict");
    if (v !== null) {
      var want = v.split(",");
      Array.prototype.forEach.call(form.querySelectorAll("input[name=verdict]"), function (b) {
        b.checked = want.indexOf(b.value) >= 0;
      });
    }
    ["kind", "source", "q"].forEach(function (name) {
      var x = params.get(name);
      if (x !== null) { form.elements[name].value = x; }
    });
    if (params.get("unchecked") === "1") { form.elements.unchecked.checked = true; }
  }

  findings.forEach(function (f) {
    var box = f.querySelector(".check input");
    if (box === null) { return; }
    box.parentNode.hidden = false;
    var id = box.dataset.finding;
    box.checked = isChecked(id);
    f.classList.toggle("is-checked", box.checked);
    box.addEventListener("change", function () {
      f.classList.toggle("is-checked", box.checked);
      setChecked(id, box.checked);
      apply();
    });
  });

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });

  // Following a link to a finding the filters hide shows it again.
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id === "" ? null : document.getElementById(id);
    if (target !== null && target.classList.contains("finding") && target.hidden) {
      form.reset();
      apply();
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);

  function visible() { return findings.filter(function (f) { return !f.hidden; }); }
  function current() {
    var a = document.activeElement;
    return a === null ? null : a.closest("article.finding");
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var tag = e.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || tag === "BUTTON") {
      if (e.key === "Escape" && e.target === form.elements.q) { e.target.value = ""; apply(); }
      return;
    }
    var list = visible();
    var at = list.indexOf(current());
    if (e.key === "j" || e.key === "k") {
      var next = e.key === "j" ? at + 1 : (at < 0 ? list.length - 1 : at - 1);
      if (next >= 0 && next < list.length) {
        list[next].focus();
        list[next].scrollIntoView({ block: "start" });
      }
      e.preventDefault();
    } else if (e.key === "/") {
      form.elements.q.focus();
      e.preventDefault();
    } else if (e.key === "x" && at >= 0) {
      var box = list[at].querySelector(".check input");
      if (box !== null) { box.click(); }
      e.preventDefault();
    }
  });

  fromAddress();
  apply();
  reveal();
}());
