/* doccontrol: sortable registers, the approval-trail filter and the print date stamp. */
(function () {
  "use strict";
  function cellText(row, index) {
    var cell = row.children[index];
    return cell ? cell.textContent.trim() : "";
  }
  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      th.setAttribute("role", "button");
      th.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellText(a, index), y = cellText(b, index);
          var order = x.localeCompare(y, "zh-Hans-CN", { numeric: true });
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function filterTrail() {
    var from = document.getElementById("dc-from");
    if (!from) { return; }
    var to = document.getElementById("dc-to");
    var person = document.getElementById("dc-person");
    var problemsOnly = document.getElementById("dc-problems-only");
    function apply() {
      var who = person.value.trim().toLowerCase();
      document.querySelectorAll("table.dc-trail tbody tr").forEach(function (row) {
        var date = row.getAttribute("data-date") || "";
        var show = (!from.value || date >= from.value) && (!to.value || date <= to.value) &&
          (!who || (row.getAttribute("data-people") || "").indexOf(who) >= 0) &&
          (!problemsOnly.checked || row.classList.contains("dc-has-problem"));
        row.hidden = !show;
      });
    }
    [from, to, person, problemsOnly].forEach(function (input) { input.addEventListener("input", apply); input.addEventListener("change", apply); });
  }
  function stampPrintDate() {
    var today = new Date();
    var text = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
    document.querySelectorAll(".dc-print-date").forEach(function (node) { node.textContent = text; });
  }
  // A wide table scrolls inside its own box, as Material's own tables do, so that on a phone
  // the page itself never scrolls sideways (the nested tables of a record scroll with theirs).
  function wrapTables(root) {
    root.querySelectorAll(".md-typeset table[class^='dc-']:not(.dc-nested)").forEach(function (table) {
      if (table.parentElement && table.parentElement.classList.contains("dc-scroll")) { return; }
      var box = document.createElement("div");
      box.className = "dc-scroll";
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    });
  }
  // Short values (a status, a date, a version, an id, a name) never break in the middle:
  // "已覆盖", "2026-02-16" and "SM-P-18" stay on one line and the column widens instead.
  var SHORT = 16;
  function keepShortCellsWhole(root) {
    root.querySelectorAll(".md-typeset table[class^='dc-'] td").forEach(function (cell) {
      var text = cell.textContent.trim();
      if (text && text.length <= SHORT && !/\s/.test(text)) { cell.classList.add("dc-short"); }
    });
  }
  // A box that scrolls must be reachable by keyboard (WCAG 2.1.1): only those that do.
  function focusScrollBoxes() {
    document.querySelectorAll(".dc-scroll, .md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) { box.setAttribute("tabindex", "0"); }
      else { box.removeAttribute("tabindex"); }
    });
  }
  // Once per page: the first load, and every page Material's instant navigation swaps in.
  function initPage() {
    wrapTables(document);
    keepShortCellsWhole(document);
    document.querySelectorAll("table.dc-sortable").forEach(function (table) {
      if (table.getAttribute("data-dc-sortable") === "1") { return; }
      table.setAttribute("data-dc-sortable", "1");
      makeSortable(table);
    });
    filterTrail();
    stampPrintDate();
    focusScrollBoxes();
    document.documentElement.setAttribute("data-dc-ready", location.pathname);
  }
  // Once per window.
  window.addEventListener("beforeprint", stampPrintDate);
  window.addEventListener("resize", focusScrollBoxes);
  // Material's instant navigation replaces the page without loading this script again;
  // its document$ observable emits for the first page and for every page after it.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { initPage(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initPage);
  } else {
    initPage();
  }
})();
