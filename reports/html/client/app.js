/*
 * The page's state: the quarter shown and the unit selected, kept in the URL fragment
 * (#unit=330481&period=2023Q2) so that a link opens the same view. Switching the quarter shows
 * that quarter's article (the first time, unpacked from the page: see page.ts, packQuarter) and
 * draws its charts once; selecting a unit (the selector, or a click on its mark in a chart)
 * highlights its rows, cells and marks everywhere and opens its panel.
 */
(function () {
  'use strict';

  if (window.performance && performance.mark) performance.mark('nrp-app');
  var common = JSON.parse(document.getElementById('nrp-common').textContent);
  var quarters = {};
  var state = { period: common.period, unit: common.scopeUnit };
  var panel = document.getElementById('unit-panel');
  var select = document.getElementById('unit-select');
  var main = document.getElementById('main');
  var unitsByCode = {};
  common.units.forEach(function (u) { unitsByCode[u.code] = u; });
  var periods = common.quarters.map(function (q) { return q.period; });

  /** A packed quarter: base64 → bytes → inflate (the browser's DecompressionStream) → { html, data }. */
  function unpack(block) {
    var binary = atob(block.textContent);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(block.getAttribute('data-encoding')));
    return new Response(stream).text().then(JSON.parse);
  }

  /** The quarter's data, its article in the page (unpacked the first time it is asked for). */
  function load(period) {
    if (quarters[period]) return quarters[period];
    var plain = document.getElementById('nrp-' + period);
    if (plain) {
      quarters[period] = Promise.resolve(JSON.parse(plain.textContent));
    } else {
      quarters[period] = unpack(document.getElementById('nrp-z-' + period)).then(function (q) {
        main.insertAdjacentHTML('beforeend', q.html);
        return q.data;
      });
    }
    quarters[period].then(function (data) { loaded[period] = data; });
    return quarters[period];
  }
  var loaded = {};

  function readHash() {
    var out = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var i = pair.indexOf('=');
      if (i > 0) out[decodeURIComponent(pair.slice(0, i))] = decodeURIComponent(pair.slice(i + 1));
    });
    return {
      period: periods.indexOf(out.period) >= 0 ? out.period : state.period,
      unit: out.unit === '' || unitsByCode[out.unit] ? out.unit : state.unit,
    };
  }

  function writeHash() {
    var hash = '#' + (state.unit ? 'unit=' + encodeURIComponent(state.unit) + '&' : '') + 'period=' + encodeURIComponent(state.period);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  function focusOf(code) {
    var u = unitsByCode[code];
    return u ? { code: u.code, name: u.name, short: u.short } : { code: '', name: '', short: '' };
  }

  function highlight() {
    document.querySelectorAll('.focus').forEach(function (e) { e.classList.remove('focus'); });
    if (state.unit) {
      document.querySelectorAll('[data-unit="' + state.unit + '"], .u-' + state.unit).forEach(function (e) { e.classList.add('focus'); });
    }
    nrpCharts.focus(focusOf(state.unit));
    if (loaded[state.period]) nrpPanel.render(panel, common, state.period, loaded[state.period].panel, state.unit);
  }

  /** Shows the state's quarter (and unit); resolves when its charts are drawn. */
  function show() {
    var period = state.period;
    document.querySelectorAll('input[name="period"]').forEach(function (r) { r.checked = r.value === period; });
    select.value = state.unit;
    writeHash();
    return load(period).then(function (data) {
      if (period !== state.period) return undefined;
      document.querySelectorAll('article[data-period]').forEach(function (a) { a.hidden = a.getAttribute('data-period') !== period; });
      highlight();
      return nrpCharts.draw(period, data, focusOf(state.unit));
    }, function (error) {
      document.documentElement.setAttribute('data-load-error', String(error && error.message || error));
      throw error;
    });
  }

  function setUnit(code) {
    state.unit = code;
    select.value = code;
    highlight();
    writeHash();
  }

  /** A tooltip key `row:<period>|<unit>|<indicator>` → the row's figures, titled (the quarter's panel data). */
  function rowTooltip(key) {
    var parts = key.slice(common.tooltip.prefix.length).split('|');
    var data = loaded[parts[0]];
    var unit = data && data.panel.units[parts[1]];
    var index = data ? data.panel.indicators.findIndex(function (i) { return i[0] === parts[2]; }) : -1;
    var row = unit && index >= 0 && unit.rows[index];
    if (!row) return null;
    var values = [unit.name, data.panel.indicators[index][1], row[1], row[0], row[2], row[3], row[4], row[5], row[7]];
    var out = {};
    common.tooltip.titles.forEach(function (title, i) { out[title] = values[i]; });
    return out;
  }

  select.addEventListener('change', function () { setUnit(select.value); });
  document.addEventListener('change', function (event) {
    if (event.target.name === 'period' && event.target.checked) {
      state.period = event.target.value;
      show();
    }
  });
  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-action="clear-unit"]')) {
      setUnit('');
      select.focus();
    }
  });
  document.getElementById('print-button').addEventListener('click', function () { window.print(); });
  window.addEventListener('hashchange', function () {
    var wanted = readHash();
    if (wanted.period === state.period && wanted.unit === state.unit) return;
    state.period = wanted.period;
    state.unit = wanted.unit;
    show();
  });
  nrpCharts.setup({
    pick: function (code) { setUnit(code === state.unit ? '' : code); },
    units: common.units,
    prefix: common.tooltip.prefix,
    row: rowTooltip,
  });

  var start = readHash();
  state.period = start.period;
  state.unit = start.unit;
  show();
})();
