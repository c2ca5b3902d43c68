/*
 * The unit panel: every figure of the selected unit in the quarter shown, from the quarter's
 * panel data (formatted when the page was written, as the tables print them), laid out as a
 * sortable table. Text goes in with textContent only.
 */
(function () {
  'use strict';

  // Short heads for a narrow panel; the note under the table says what they mean.
  var COLUMNS = [
    { label: '指标', kind: 'text' },
    { label: '目标' },
    { label: '完成值' },
    { label: '完成率', kind: 'num' },
    { label: '差值', kind: 'num' },
    { label: '排名', kind: 'num' },
    { label: '亮灯', kind: 'num' },
  ];
  var NOTE = '完成值为累计完成，比率类指标为实际值；差值为完成率与序时进度之差（比率类为实际值与目标之差），单位为个百分点。';
  var LIGHT_ORDER = ['green', 'yellow', 'red', 'no_target', 'no_data', 'missing'];

  function node(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function head() {
    var tr = node('tr');
    COLUMNS.forEach(function (c, i) {
      var th = node('th');
      th.scope = 'col';
      if (c.kind) {
        th.setAttribute('aria-sort', 'none');
        th.setAttribute('data-label', c.label);
        var b = node('button', 'sort', c.label);
        b.type = 'button';
        b.setAttribute('data-col', String(i));
        b.setAttribute('data-kind', c.kind);
        var arrow = node('span', 'arrow');
        arrow.setAttribute('aria-hidden', 'true');
        b.appendChild(arrow);
        th.appendChild(b);
      } else th.textContent = c.label;
      tr.appendChild(th);
    });
    var thead = node('thead');
    thead.appendChild(tr);
    return thead;
  }

  function td(text, sortValue, className) {
    var cell = node('td', className, text);
    if (sortValue !== undefined) cell.setAttribute('data-v', sortValue === null ? '' : String(sortValue));
    return cell;
  }

  function number(text) {
    var n = parseFloat(String(text).replace(/[^0-9.+-]/g, ''));
    return isNaN(n) ? null : n;
  }

  /** Writes the panel of unit `code` for `period` (`data` is the quarter's panel data), or hides it. */
  function render(panel, common, period, data, code) {
    panel.textContent = '';
    var unit = code && data.units[code];
    panel.hidden = !unit;
    panel.parentNode.classList.toggle('has-panel', Boolean(unit));
    if (!unit) return;
    var quarter = common.quarters.filter(function (q) { return q.period === period; })[0];
    var title = node('h2', null, unit.name + '　' + quarter.label);
    title.id = 'unit-panel-title';
    var close = node('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', '取消选择单位');
    close.setAttribute('data-action', 'clear-unit');
    panel.appendChild(close);
    panel.appendChild(title);
    panel.appendChild(node('p', 'lights', unit.lights));
    var table = node('table', 'sortable panel-table');
    table.appendChild(head());
    var body = node('tbody');
    unit.rows.forEach(function (r, i) {
      if (!r) return;
      var tr = node('tr');
      tr.appendChild(td(data.indicators[i][1], data.indicators[i][1], 'l'));
      tr.appendChild(td(r[0]));
      tr.appendChild(td(r[1]));
      tr.appendChild(td(r[2], number(r[2])));
      tr.appendChild(td(r[4], number(r[4])));
      tr.appendChild(td(r[5], number(r[5])));
      var light = td('', LIGHT_ORDER.indexOf(r[6]));
      var span = node('span', 'light ' + r[6]);
      var glyph = node('span', 'glyph', common.lights[r[6]] ? common.lights[r[6]].glyph : '');
      glyph.setAttribute('aria-hidden', 'true');
      span.appendChild(glyph);
      span.appendChild(document.createTextNode(r[7]));
      light.appendChild(span);
      tr.appendChild(light);
      body.appendChild(tr);
    });
    table.appendChild(body);
    var wrap = node('div', 'table-wrap');
    wrap.appendChild(table);
    panel.appendChild(wrap);
    panel.appendChild(node('p', 'note', NOTE));
  }

  window.nrpPanel = { render: render };
})();
