/*
 * The charts: each quarter's specs are drawn by vega-embed the first time the quarter is shown,
 * as SVG (sharp on screen and in print), with vega-interpreter evaluating expressions (`ast`:
 * no eval, which the page's Content-Security-Policy forbids), the embedded faces loaded first
 * (vega measures text with them), tooltips on, no action menu. A click on a unit's mark or axis
 * label selects that unit. `nrpCharts.focus(unit)` sets the focus parameters every view has.
 * Tooltips are written here (formatTooltip), every value escaped by vega-tooltip's sanitizer.
 */
(function () {
  'use strict';

  var views = {};
  var drawing = {};
  var config = { pick: function () {}, row: function () { return null; }, prefix: '' };
  var unitsByName = {};

  /** A mark's tooltip: a row's figures (looked up by key), the figures given, or a reference line's label. */
  function formatTooltip(value, sanitize) {
    if (typeof value === 'string' && config.prefix && value.indexOf(config.prefix) === 0) value = config.row(value) || '';
    if (value && typeof value === 'object') {
      return '<table>' + Object.keys(value).map(function (key) {
        return '<tr><td class="key">' + sanitize(key) + '</td><td class="value">' + sanitize(String(value[key])) + '</td></tr>';
      }).join('') + '</table>';
    }
    return sanitize(String(value));
  }

  function fontsReady() {
    if (!document.fonts || !document.fonts.load) return Promise.resolve();
    return Promise.all([
      document.fonts.load('400 12px "Noto Sans SC"'),
      document.fonts.load('700 12px "Noto Sans SC"'),
    ]);
  }

  function codeOf(item) {
    if (!item) return '';
    if (item.datum && item.datum.code) return item.datum.code;
    if (item.mark && item.mark.role === 'axis-label' && item.datum) return unitsByName[item.datum.value] || '';
    return '';
  }

  /** Draws every chart of the quarter's article once; resolves when all are drawn. */
  function draw(period, data, focus) {
    if (drawing[period]) return drawing[period];
    var article = document.querySelector('article[data-period="' + period + '"]');
    views[period] = [];
    drawing[period] = fontsReady().then(function () {
      var places = Array.prototype.slice.call(article.querySelectorAll('.vis[data-chart]'));
      return Promise.all(places.map(function (place) {
        var spec = data.charts[place.getAttribute('data-chart')];
        return vegaEmbed(place, spec, { ast: true, renderer: 'svg', actions: false, tooltip: { theme: 'light', formatTooltip: formatTooltip } }).then(function (result) {
          var view = result.view;
          view.addEventListener('click', function (event, item) {
            var code = codeOf(item);
            if (code) config.pick(code);
          });
          views[period].push(view);
          place.setAttribute('data-drawn', 'true');
          return setFocus(view, focus);
        });
      }));
    }).then(function () {
      document.documentElement.setAttribute('data-charts-drawn', period);
      if (window.performance && performance.mark) performance.mark('nrp-charts-drawn-' + period);
    }, function (error) {
      document.documentElement.setAttribute('data-charts-error', String(error && error.message || error));
      throw error;
    });
    return drawing[period];
  }

  function setFocus(view, focus) {
    return view.signal('focus', focus.code).signal('focusName', focus.name).signal('focusShort', focus.short).runAsync();
  }

  /** Highlights `focus` ({ code, name, short }; empty strings for none) in every chart drawn. */
  function focusAll(focus) {
    var all = [];
    Object.keys(views).forEach(function (p) { views[p].forEach(function (v) { all.push(setFocus(v, focus)); }); });
    return Promise.all(all);
  }

  window.nrpCharts = {
    draw: draw,
    focus: focusAll,
    /** `pick(code)` on a click on a unit; `row(key)` resolves a tooltip key starting with `prefix`. */
    setup: function (options) {
      config = options;
      options.units.forEach(function (u) { unitsByName[u.name] = u.code; unitsByName[u.short] = u.code; });
    },
  };
})();
