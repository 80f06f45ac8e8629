// Every table on a page: sort by a column (click its header; numbers sort as numbers), filter rows by any text,
// and download what is shown as CSV or JSON. Plain script from the app's own origin (no eval, no CDN); without
// JavaScript the tables are still there and each page's data is JSON under /api/.
(function () {
  "use strict";

  function cellText(cell) {
    return cell.innerText.replace(/\s+/g, " ").trim();
  }

  function asNumber(text) {
    const cleaned = text.replace(/[,%\u2212+]/g, (c) => (c === "\u2212" ? "-" : c === "+" ? "" : ""));
    return cleaned !== "" && !isNaN(Number(cleaned)) ? Number(cleaned) : null;
  }

  function rowsOf(table) {
    return Array.from(table.querySelectorAll("tr")).slice(1);
  }

  function visibleData(table) {
    const head = Array.from(table.rows[0].cells).map(cellText);
    const rows = rowsOf(table)
      .filter((row) => !row.hidden)
      .map((row) => Array.from(row.cells).map(cellText));
    return { head, rows };
  }

  function csv(data) {
    const quote = (value) => (/[",\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value);
    return [data.head, ...data.rows].map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
  }

  function download(name, type, text) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function sortBy(table, index, header) {
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    for (const other of table.rows[0].cells) other.removeAttribute("aria-sort");
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const rows = rowsOf(table);
    rows.sort((a, b) => {
      const x = cellText(a.cells[index] || a), y = cellText(b.cells[index] || b);
      const nx = asNumber(x), ny = asNumber(y);
      const order = nx !== null && ny !== null ? nx - ny : x.localeCompare(y, undefined, { numeric: true });
      return ascending ? order : -order;
    });
    const body = rows.length ? rows[0].parentNode : table;
    for (const row of rows) body.appendChild(row);
  }

  function enhance(table, number) {
    if (!table.rows.length || rowsOf(table).length < 1) return;
    const heading = table.previousElementSibling;
    const name = ((heading && heading.textContent) || document.title).toLowerCase().replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "table-" + number;
    const bar = document.createElement("div");
    bar.className = "table-tools";
    const filter = document.createElement("input");
    filter.type = "search";
    filter.placeholder = "filter rows";
    filter.setAttribute("aria-label", "Filter the rows of this table");
    filter.addEventListener("input", () => {
      const wanted = filter.value.toLowerCase();
      for (const row of rowsOf(table)) row.hidden = wanted !== "" && !cellText(row).toLowerCase().includes(wanted);
    });
    const asCsv = document.createElement("button");
    asCsv.type = "button";
    asCsv.textContent = "CSV";
    asCsv.title = "Download the rows shown as CSV";
    asCsv.addEventListener("click", () => download(name + ".csv", "text/csv", csv(visibleData(table))));
    const asJson = document.createElement("button");
    asJson.type = "button";
    asJson.textContent = "JSON";
    asJson.title = "Download the rows shown as JSON";
    asJson.addEventListener("click", () => {
      const data = visibleData(table);
      const records = data.rows.map((row) => Object.fromEntries(data.head.map((h, i) => [h, row[i] ?? ""])));
      download(name + ".json", "application/json", JSON.stringify(records, null, 1) + "\n");
    });
    bar.append(filter, " ", asCsv, " ", asJson);
    table.parentNode.insertBefore(bar, table);
    Array.from(table.rows[0].cells).forEach((header, index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = header.textContent;
      button.title = "Sort by " + header.textContent;
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", () => sortBy(table, index, header));
    });
  }

  function start() {
    document.querySelectorAll("main table, body > table").forEach(enhance);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
