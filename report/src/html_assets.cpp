// html_assets.cpp — see html_assets.hpp. The script only sorts and filters what is already on the page,
// with DOM methods and textContent (never innerHTML), and marks <html data-ready="1"> when it has run
// (the browser test checks that, which proves the CSP hash matches).
#include "html_assets.hpp"

namespace aiswatch::report::detail {

const std::string_view kReportCss = R"css(
:root{--ink:#1b2430;--muted:#5b6675;--line:#d8dee6;--bg:#f4f6f9;--card:#fff;--accent:#0b4f8a;
--critical:#7a1020;--high:#c0392b;--medium:#c77c02;--low:#2f6db5;--info:#6b7785}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
header.top{background:#0f2a44;color:#fff;padding:18px 28px}
header.top h1{margin:0;font-size:22px;font-weight:650}
header.top p{margin:4px 0 0;color:#c9d6e3}
nav.toc{background:#fff;border-bottom:1px solid var(--line);padding:8px 28px;font-size:13px}
nav.toc a{margin-right:16px;text-decoration:none}
main{max-width:1280px;margin:0 auto;padding:8px 28px 60px}
section.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:16px 20px;margin:16px 0}
h2{font-size:18px;margin:0 0 10px}
h3{font-size:15px;margin:18px 0 8px}
h4{font-size:13px;margin:10px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef2f6;font-weight:600}
th.sortable{cursor:pointer;user-select:none}
th.sortable::after{content:" \2195";color:var(--muted);font-weight:400}
th[aria-sort=ascending]::after{content:" \25B2"}
th[aria-sort=descending]::after{content:" \25BC"}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.kv th{width:220px;background:none;color:var(--muted);font-weight:500}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.hash{word-break:break-all}
pre{background:#f3f5f8;border:1px solid var(--line);border-radius:4px;padding:8px;margin:6px 0;white-space:pre-wrap;word-break:break-all;max-height:320px;overflow:auto}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:var(--info);white-space:nowrap}
.badge.sev-critical{background:var(--critical)}.badge.sev-high{background:var(--high)}
.badge.sev-medium{background:var(--medium)}.badge.sev-low{background:var(--low)}.badge.sev-info{background:var(--info)}
.badge.type{background:#e4ebf3;color:var(--ink);font-weight:500}
.badge.flag{background:#111}
.badge.st-confirmed{background:#7a1020}.badge.st-dismissed{background:#4d5b69}.badge.st-needs-info{background:#b36b00}
.muted{color:var(--muted)}
.warn{color:#8a4b00}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:4px 0}
.stat{background:#f7f9fb;border:1px solid var(--line);border-radius:6px;padding:10px 14px;min-width:150px}
.stat b{display:block;font-size:22px}
.stat span{color:var(--muted);font-size:12px}
.tools{margin:6px 0 10px}
.tools input[type=search]{padding:5px 8px;border:1px solid var(--line);border-radius:4px;width:280px}
.tools label{margin-left:12px;font-size:13px}
.dossier{border-top:4px solid var(--accent)}
.dossier h2 small{font-weight:400;color:var(--muted)}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
@media (max-width:900px){.grid{grid-template-columns:1fr}}
ol.timeline{list-style:none;margin:0;padding:0 0 0 12px;border-left:3px solid var(--line)}
ol.timeline>li{margin:0 0 12px 10px;padding:8px 12px;background:#fff;border:1px solid var(--line);border-radius:5px}
ol.timeline>li.flagged{border-left:4px solid var(--high)}
ol.timeline>li:target{outline:3px solid #f1c40f}
.when{font-variant-numeric:tabular-nums;color:var(--muted);font-size:13px}
ul.reasons{margin:6px 0;padding-left:20px}
.decision{margin:6px 0;padding:6px 10px;background:#fbf7ec;border:1px solid #eadfbf;border-radius:4px;font-size:13px}
details summary{cursor:pointer;color:var(--accent);font-size:13px}
svg.map{width:100%;height:auto;display:block;border:1px solid var(--line);border-radius:4px}
svg .sea{fill:#dcebf7}
svg .land{fill:#efe9dc;stroke:#9c9381;stroke-width:.6}
svg .graticule line{stroke:#8fa8c0;stroke-width:.5;stroke-dasharray:2 3}
svg .graticule text{font-size:10px;fill:#4f6275}
svg .track polyline{fill:none;stroke:#0b4f8a;stroke-width:1.6;stroke-linejoin:round;stroke-linecap:round}
svg .track .lone{fill:#0b4f8a}
svg .gap{stroke:#c0392b;stroke-width:1.8;stroke-dasharray:6 5}
svg .ev{stroke:#fff;stroke-width:1;fill:var(--info)}
svg .ev.flagged{stroke:#111;stroke-width:1.5}
svg .ev.sev-critical{fill:var(--critical)}svg .ev.sev-high{fill:var(--high)}svg .ev.sev-medium{fill:var(--medium)}
svg .ev.sev-low{fill:var(--low)}svg .ev.sev-info{fill:var(--info)}
svg .ovt polyline{fill:none;stroke-width:2;stroke-linejoin:round;stroke:var(--info)}
svg .ovt circle{fill:var(--info)}
svg .ovt.sev-critical polyline{stroke:var(--critical)}svg .ovt.sev-high polyline{stroke:var(--high)}
svg .ovt.sev-medium polyline{stroke:var(--medium)}svg .ovt.sev-low polyline{stroke:var(--low)}
svg a:hover .ovt polyline,svg .ovt:hover polyline{stroke-width:4}
svg .start{fill:#1e8449;stroke:#fff;stroke-width:1.5}
svg .end{fill:#111;stroke:#fff;stroke-width:1.5}
svg .scale rect{fill:#fff;opacity:.85}
svg .scale path{fill:none;stroke:#111;stroke-width:1.5}
svg .scale text{font-size:11px;fill:#111}
.legend{font-size:12px;color:var(--muted);margin:4px 0 0}
.legend i{display:inline-block;width:22px;height:0;border-top:2px solid #0b4f8a;vertical-align:middle;margin:0 4px 0 10px}
.legend i.gap{border-top:2px dashed #c0392b}
footer{color:var(--muted);font-size:12px;text-align:center;margin:30px 0}
@media print{
  body{background:#fff;font-size:11pt}
  header.top{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 8px}
  header.top p{color:#333}
  nav.toc,.tools,.noprint{display:none}
  main{padding:0;max-width:none}
  section.card{border:none;padding:0;margin:12px 0}
  .dossier{break-before:page;border-top:none}
  pre{max-height:none}
  ol.timeline>li{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
)css";

const std::string_view kReportJs = R"js(
(function () {
  'use strict';
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  function sortKey(cell) {
    var v = cell.getAttribute('data-sort');
    if (v === null) v = cell.textContent.trim();
    var n = Number(v);
    return v !== '' && !isNaN(n) ? n : v.toLowerCase();
  }
  function sortTable(table, col, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var asc = th.getAttribute('aria-sort') !== 'ascending';
    rows.sort(function (a, b) {
      var x = sortKey(a.cells[col]), y = sortKey(b.cells[col]);
      if (typeof x !== typeof y) { x = String(x); y = String(y); }
      return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
    });
    each(th.parentNode.cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    rows.forEach(function (r) { body.appendChild(r); });
  }
  each(document.querySelectorAll('table.sortable'), function (table) {
    if (!table.tHead || !table.tBodies.length) return;
    each(table.tHead.rows[0].cells, function (th, col) {
      th.classList.add('sortable');
      th.tabIndex = 0;
      th.addEventListener('click', function () { sortTable(table, col, th); });
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sortTable(table, col, th); });
    });
  });
  each(document.querySelectorAll('input[data-filter]'), function (input) {
    var table = document.getElementById(input.getAttribute('data-filter'));
    if (!table || !table.tBodies.length) return;
    input.addEventListener('input', function () {
      var q = input.value.toLowerCase();
      each(table.tBodies[0].rows, function (r) { r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0; });
    });
  });
  each(document.querySelectorAll('input[data-flagged-only]'), function (box) {
    var list = document.getElementById(box.getAttribute('data-flagged-only'));
    if (!list) return;
    box.addEventListener('change', function () {
      each(list.children, function (li) { li.hidden = box.checked && !li.classList.contains('flagged'); });
    });
  });
  window.addEventListener('beforeprint', function () {
    each(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  document.documentElement.setAttribute('data-ready', '1');
})();
)js";

}  // namespace aiswatch::report::detail
