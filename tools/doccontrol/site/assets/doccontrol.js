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
  function init() {
    document.querySelectorAll("table.dc-sortable").forEach(makeSortable);
    filterTrail();
    stampPrintDate();
    window.addEventListener("beforeprint", stampPrintDate);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
