// dateline serve: the record panel, keyboard (j/k n/p / ?), and the timeline's range drag.
// No eval, no inline handlers, no HTML built from data: the CSP forbids the first two,
// and text always goes in through textContent.
(function () {
  "use strict";
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

  // -- the reader's record panel --------------------------------------------------------
  const LAYER_OF = { quote: ["quotes", "speakers"], event: ["events"], time: ["times"],
                     place: ["places"], number: ["numbers"], flag: ["flags"] };
  function layerOn(key) {
    const layers = LAYER_OF[key.split("-")[0]] || [];
    return layers.some((l) => { const box = $("#layer-" + l); return !box || box.checked; });
  }
  function openRec(key, opts) {
    const section = document.getElementById("d-" + key);
    if (!section) return;
    $$(".rec").forEach((s) => { s.hidden = s !== section; });
    const empty = $(".panel-empty");
    if (empty) empty.hidden = true;
    $$(".seg.current").forEach((s) => s.classList.remove("current"));
    $$(".seg").forEach((s) => {
      if ((s.dataset.recs || "").split(" ").includes(key)) s.classList.add("current");
    });
    const url = new URL(location.href);
    url.searchParams.set("rec", key);
    history.replaceState(null, "", url.pathname + url.search + location.hash);
    if (opts && opts.focusPanel) { const h = $("h2", section); if (h) h.focus(); }
  }
  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
  function jumpTo(id) {
    const target = document.getElementById(id);
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    let seg = target.nextElementSibling;
    while (seg && !seg.classList.contains("seg")) seg = seg.nextElementSibling;
    flash(seg || target);
    history.replaceState(null, "", location.pathname + location.search + "#" + id);
  }

  document.addEventListener("click", (ev) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const t = ev.target;
    const help = t.closest("[data-help]");
    if (help) { $("#help").showModal(); return; }
    const mk = t.closest("a.mk");
    if (mk) { ev.preventDefault(); openRec(mk.dataset.rec, { focusPanel: false }); mk.focus(); return; }
    const jump = t.closest("a[data-jump]");
    if (jump) { ev.preventDefault(); jumpTo(jump.dataset.jump); return; }
    const open = t.closest("a[data-open]");
    if (open) {
      ev.preventDefault();
      const key = open.dataset.open;
      openRec(key, { focusPanel: true });
      const marker = $('a.mk[data-rec="' + CSS.escape(key) + '"]');
      if (marker) { marker.scrollIntoView({ block: "center" }); flash(marker); }
      return;
    }
    const seg = t.closest(".seg");
    if (seg && !t.closest("a")) {
      const key = (seg.dataset.recs || "").split(" ").find(layerOn);
      if (key) openRec(key, { focusPanel: false });
    }
  });

  // -- keyboard -----------------------------------------------------------------------------
  function navItems() {
    const reader = $("#text");
    const items = reader ? $$("a.mk", reader) : $$("[data-nav]");
    return items.filter((el) => el.offsetParent !== null);
  }
  function step(delta) {
    const items = navItems();
    if (!items.length) return;
    let i = items.indexOf(document.activeElement);
    i = i < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, i + delta));
    const el = items[i];
    el.focus();
    el.scrollIntoView({ block: "nearest" });
    if (el.classList.contains("mk")) openRec(el.dataset.rec, { focusPanel: false });
    $$("tr.current").forEach((r) => r.classList.remove("current"));
    const row = el.closest("[data-row]");
    if (row) row.classList.add("current");
  }
  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || ev.target.isContentEditable) {
      if (ev.key === "Escape") ev.target.blur();
      return;
    }
    const link = (rel) => $('a[rel="' + rel + '"]');
    switch (ev.key) {
      case "j": step(1); break;
      case "k": step(-1); break;
      case "n": { const a = link("next"); if (a) location.href = a.href; break; }
      case "p": { const a = link("prev"); if (a) location.href = a.href; break; }
      case "/": { const s = $("#search"); if (s) { ev.preventDefault(); s.focus(); s.select(); } break; }
      case "?": { const d = $("#help"); if (d && !d.open) d.showModal(); break; }
      default: return;
    }
  });

  // facet selects apply at once (the Apply button does the same without script)
  document.addEventListener("change", (ev) => {
    if (ev.target.matches("select[data-autosubmit]")) ev.target.form.requestSubmit();
  });

  // -- timeline: drag across bars to pick a range ---------------------------------------------
  const svg = $("#timeline");
  if (svg) {
    const bars = $$("a.bar", svg);
    let first = null;
    let moved = false;
    const range = (a, b) => {
      const [i, j] = [bars.indexOf(a), bars.indexOf(b)].sort((x, y) => x - y);
      return bars.slice(i, j + 1);
    };
    const mark = (sel) => bars.forEach((b) => b.classList.toggle("selected", sel.includes(b)));
    svg.addEventListener("pointerdown", (ev) => {
      const bar = ev.target.closest("a.bar");
      if (!bar) return;
      ev.preventDefault();
      first = bar; moved = false; mark([bar]);
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!first) return;
      const el = document.elementFromPoint(ev.clientX, ev.clientY);
      const bar = el && el.closest && el.closest("a.bar");
      if (bar) { moved = moved || bar !== first; mark(range(first, bar)); }
    });
    const finish = (ev) => {
      if (!first) return;
      const el = document.elementFromPoint(ev.clientX, ev.clientY);
      const last = (el && el.closest && el.closest("a.bar")) || first;
      const sel = range(first, last);
      first = null;
      const since = sel[0].dataset.since, until = sel[sel.length - 1].dataset.until;
      const params = new URLSearchParams(svg.dataset.base || "");
      params.set("since", since); params.set("until", until);
      location.href = "/timeline?" + params.toString();
    };
    svg.addEventListener("pointerup", finish);
    svg.addEventListener("click", (ev) => { if (ev.target.closest("a.bar")) ev.preventDefault(); });
  }

  // open the record named in the URL (the server already shows it; this marks its segments)
  const rec = new URLSearchParams(location.search).get("rec");
  if (rec && $("#text")) openRec(rec, { focusPanel: false });
})();
