/* lishui-analysis: every pandas table in a report sortable (click a header), searchable (the box
   above it) and filterable (one box per column: text it contains, or >N, <N, =N for numbers).
   Self-contained and offline; reads cells with textContent and writes no HTML, so text that came
   from the input stays text. */
(function () {
  "use strict";
  function num(s) {
    var t = s.replace(/[,\s%]/g, "");
    return t !== "" && isFinite(t) ? parseFloat(t) : null;
  }
  function matches(text, f) {
    var m = /^([<>]=?|=)\s*(-?[\d.,]+)$/.exec(f);
    if (m) {
      var v = num(text), x = num(m[2]);
      if (v === null || x === null) return false;
      return m[1] === ">" ? v > x : m[1] === "<" ? v < x : m[1] === ">=" ? v >= x : m[1] === "<=" ? v <= x : v === x;
    }
    return text.toLowerCase().indexOf(f.toLowerCase()) >= 0;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  /* Let a long run without spaces break after the characters ``re`` captures: the cell's text is
     rebuilt from text nodes and <wbr> elements, so its textContent (what sorting and filters read)
     stays the same and no HTML is parsed. */
  function breakable(node, re) {
    if (node.children.length) return;
    var parts = node.textContent.split(re);
    if (parts.length < 3) return;
    node.textContent = "";
    for (var i = 0; i < parts.length; i += 2) {
      node.appendChild(document.createTextNode(parts[i] + (i + 1 < parts.length ? parts[i + 1] : "")));
      if (i + 2 < parts.length) node.appendChild(document.createElement("wbr"));
    }
  }
  function enhance(table) {
    var head = table.tHead, body = table.tBodies[0];
    if (!head || !body || table.getAttribute("data-ls") === "1") return;
    table.setAttribute("data-ls", "1");
    var rows = Array.prototype.slice.call(body.rows);
    var labels = head.rows[0].cells;
    var ncol = labels.length;
    /* A "profile" column holds entity ids: each becomes a link to the entity's section of the
       project profiles report (05). The href is built from an id checked against its pattern. */
    for (var pc = 0; pc < ncol; pc++) {
      if (labels[pc].textContent.trim() !== "profile") continue;
      rows.forEach(function (r) {
        var cell = r.cells[pc], id = cell ? cell.textContent.trim() : "";
        if (!/^E[0-9a-f]{10}$/.test(id)) return;
        var a = el("a", "ls-profile-link", id);
        a.href = "05_project_profiles.html#" + id;
        cell.textContent = "";
        cell.appendChild(a);
      });
    }
    var filters = [], query = "";
    var count = el("span", "ls-count");
    var search = el("input", "ls-search");
    search.type = "search";
    search.placeholder = "Search all columns";
    search.setAttribute("aria-label", "Search the table");
    var bar = el("div", "ls-bar");
    bar.appendChild(search);
    bar.appendChild(count);
    var frow = head.insertRow(-1);
    frow.className = "ls-filters";
    for (var i = 0; i < ncol; i++) {
      var th = el("th");
      var inp = el("input", "ls-filter");
      inp.type = "search";
      inp.placeholder = "filter";
      inp.setAttribute("data-col", String(i));
      inp.setAttribute("aria-label", "Filter column " + (labels[i].textContent || i));
      th.appendChild(inp);
      frow.appendChild(th);
      filters.push("");
    }
    function apply() {
      var shown = 0;
      rows.forEach(function (r) {
        var ok = !query || matches(r.textContent, query);
        for (var c = 0; ok && c < ncol; c++) {
          if (filters[c]) ok = matches(r.cells[c] ? r.cells[c].textContent.trim() : "", filters[c]);
        }
        r.style.display = ok ? "" : "none";
        if (ok) shown++;
      });
      var n = rows.length + (rows.length === 1 ? " row" : " rows");
      count.textContent = shown === rows.length ? n : shown + " of " + n;
      table.setAttribute("data-shown", String(shown));
    }
    search.addEventListener("input", function () { query = search.value.trim(); apply(); });
    frow.addEventListener("input", function (ev) {
      var c = ev.target.getAttribute("data-col");
      if (c !== null) { filters[+c] = ev.target.value.trim(); apply(); }
    });
    Array.prototype.forEach.call(labels, function (th, c) {
      th.classList.add("ls-sortable");
      th.title = "Sort";
      th.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(labels, function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var vals = rows.map(function (r) { return r.cells[c] ? r.cells[c].textContent.trim() : ""; });
        var numeric = vals.every(function (v) { return v === "" || v === "NaN" || num(v) !== null; });
        var idx = rows.map(function (_, k) { return k; });
        idx.sort(function (a, b) {
          var x = vals[a], y = vals[b], d;
          if (numeric) {
            var nx = num(x), ny = num(y);
            if (nx === null || ny === null) d = (nx === null) - (ny === null);  /* empties last */
            else d = asc ? nx - ny : ny - nx;
          } else {
            d = asc ? x.localeCompare(y, "zh") : y.localeCompare(x, "zh");
          }
          return d || a - b;
        });
        rows = idx.map(function (k) { return rows[k]; });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    /* Each column gets a kind from its cells, so a table fits the page width and its sentence and source
       columns stay in view: numbers (right-aligned, one line), short text (one line), names (wrap in a
       narrow column), prose such as sentences and sources (wrap in a reading-width column), codes and
       identifiers (runs without spaces such as construction_started, row ids and urls: broken after
       _ : ; / . , - in a narrow column; the long ones in a smaller type). */
    var CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
    for (var c = 0; c < ncol; c++) {
      var longest = 0, numeric = true, spaced = false, cjk = false;
      for (var k = 0; k < rows.length && k < 500; k++) {
        var cell = rows[k].cells[c];
        if (!cell) continue;
        var t = cell.textContent.trim();
        longest = Math.max(longest, t.length);
        if (t !== "" && t !== "NaN" && num(t) === null) numeric = false;
        if (/\s/.test(t)) spaced = true;
        if (CJK.test(t)) cjk = true;
      }
      var cls = numeric ? "ls-num" : longest <= 12 ? "ls-short" : !spaced && !cjk ? (longest > 24 ? "ls-id" : "ls-code")
        : longest > 40 ? "ls-text" : "ls-mid";
      rows.forEach(function (r) { if (r.cells[c]) r.cells[c].classList.add(cls); });
      labels[c].classList.add(cls);
      if (cls === "ls-id" || cls === "ls-code") {
        rows.forEach(function (r) { if (r.cells[c]) breakable(r.cells[c], /([_:;\/.,-])/); });
      }
    }
    /* Header names break after their underscores (investment_<wbr>intensity) rather than widen their columns. */
    Array.prototype.forEach.call(labels, function (th) { breakable(th, /(_)/); });
    var wrap = el("div", "ls-scroll");
    table.parentNode.insertBefore(bar, table);
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
    apply();
  }
  /* A table still wider than the page (many columns) is set tighter, then tighter again — smaller type,
     narrower minimum widths — before a horizontal scroll bar is left to reach its last columns. */
  function fit(table) {
    var wrap = table.parentNode;
    if (!wrap || !wrap.classList || !wrap.classList.contains("ls-scroll")) return;
    table.classList.remove("ls-tight", "ls-tighter");
    ["ls-tight", "ls-tighter"].forEach(function (cls) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) table.classList.add(cls);
    });
  }
  function run() {
    var tables = document.querySelectorAll("table.dataframe");
    Array.prototype.forEach.call(tables, enhance);
    Array.prototype.forEach.call(tables, fit);
    /* Chromium can shape the first cells of a table before the embedded CJK font is decoded and keep
       the missing-glyph boxes; laying the tables out again once the fonts are ready redraws them. */
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(function () {
        Array.prototype.forEach.call(tables, function (t) { t.style.display = "none"; void t.offsetHeight; t.style.display = ""; });
        Array.prototype.forEach.call(tables, fit);
      });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
})();
