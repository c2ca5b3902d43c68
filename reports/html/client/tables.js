/*
 * The page's tables: sorting (a head's button; every cell carries the value it sorts by in
 * data-v, so a sort never parses a formatted figure), the data-table toggles under the charts, and
 * the key-task list's filters. Everything through event delegation on the document, so tables
 * the unit panel writes later sort the same way. Plain ES2017, no library.
 */
(function () {
  'use strict';

  var collator = new Intl.Collator('zh-CN');

  function cellValue(row, col, kind) {
    var cell = row.cells[col];
    if (!cell) return null;
    var raw = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent;
    if (kind === 'num') {
      var n = raw === '' || raw === null ? NaN : Number(raw);
      return isNaN(n) ? null : n;
    }
    return raw;
  }

  /** Sorts the table's first body by column `col`; values missing (—) go last either way. */
  function sortTable(button) {
    var th = button.closest('th');
    var table = button.closest('table');
    var col = Number(button.getAttribute('data-col'));
    var kind = button.getAttribute('data-kind');
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('thead th[aria-sort]').forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      return { row: row, index: index, value: cellValue(row, col, kind) };
    });
    rows.sort(function (a, b) {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      var c = kind === 'num' ? a.value - b.value : collator.compare(a.value, b.value);
      return (ascending ? c : -c) || a.index - b.index;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
  }

  function toggle(button) {
    var target = document.getElementById(button.getAttribute('aria-controls'));
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    target.hidden = !open;
  }

  /** Shows the rows of the key-task list that match every filter; says how many. */
  function filter(group) {
    var table = document.getElementById(group.getAttribute('data-table'));
    var wanted = {};
    group.querySelectorAll('select[data-filter]').forEach(function (s) { wanted[s.getAttribute('data-filter')] = s.value; });
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var ok = Object.keys(wanted).every(function (key) { return !wanted[key] || row.getAttribute('data-' + key) === wanted[key]; });
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    var count = group.querySelector('output');
    count.textContent = count.getAttribute('data-count-before') + shown + count.getAttribute('data-count-after');
  }

  document.addEventListener('click', function (event) {
    var sort = event.target.closest('button.sort');
    if (sort) return sortTable(sort);
    var open = event.target.closest('button.toggle');
    if (open) return toggle(open);
  });
  document.addEventListener('change', function (event) {
    var select = event.target.closest('select[data-filter]');
    if (select) filter(select.closest('.filters'));
  });
})();
