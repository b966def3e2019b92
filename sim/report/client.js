// The report's browser side: draws every panel with uPlot (inlined above), one crosshair and one zoom shared by the
// time panels, tooltips, SLO-violation shading, and a frontier chart. Plain ES2017, no build step, no network.
/* global uPlot */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var FONT = '12px system-ui, -apple-system, "Segoe UI", sans-serif';
  var HEIGHT = 220;
  var charts = [];
  var timeCharts = [];
  var syncing = false;
  var shadeOf = D.shade;

  var pad2 = function (n) { return (n < 10 ? '0' : '') + n; };
  var timeText = function (s) {
    var d = new Date(s * 1000);
    return d.getUTCFullYear() + '-' + pad2(d.getUTCMonth() + 1) + '-' + pad2(d.getUTCDate()) + ' ' + pad2(d.getUTCHours()) + ':' + pad2(d.getUTCMinutes());
  };
  var number = function (v, integer) {
    if (v == null || !isFinite(v)) return '-';
    if (integer) return String(Math.round(v));
    var a = Math.abs(v);
    return a >= 1000 ? Math.round(v).toLocaleString('en-US') : a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
  };

  // Axis width from its widest label, so large numbers are never cut at the left edge (uPlot's auto-size demo).
  var axisSize = function (u, values, axisIdx, cycleNum) {
    var axis = u.axes[axisIdx];
    if (cycleNum > 1) return axis._size;
    var size = axis.ticks.size + axis.gap;
    var longest = (values || []).reduce(function (a, b) { return b.length > a.length ? b : a; }, '');
    if (longest !== '') {
      u.ctx.font = axis.font[0];
      size += u.ctx.measureText(longest).width / devicePixelRatio;
    }
    return Math.ceil(size) + 6;
  };

  var shade = function (u) {
    var spans = D.violations[shadeOf] || [];
    var ctx = u.ctx;
    var left = u.bbox.left;
    var right = left + u.bbox.width;
    ctx.save();
    ctx.fillStyle = 'rgba(207, 34, 46, 0.13)';
    for (var i = 0; i < spans.length; i++) {
      var x0 = Math.max(left, u.valToPos(spans[i][0], 'x', true));
      var x1 = Math.min(right, u.valToPos(spans[i][1], 'x', true));
      if (x1 > left && x0 < right) ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
    }
    ctx.restore();
  };

  var syncZoom = function (u, key) {
    if (key !== 'x' || syncing) return;
    syncing = true;
    for (var i = 0; i < timeCharts.length; i++) {
      var c = timeCharts[i];
      if (c !== u && (c.scales.x.min !== u.scales.x.min || c.scales.x.max !== u.scales.x.max)) c.setScale('x', { min: u.scales.x.min, max: u.scales.x.max });
    }
    syncing = false;
  };

  // A tooltip in the panel under the mouse; the other panels follow with the crosshair and their live legends.
  var tooltip = function (title) {
    var tip;
    var inside = false;
    return {
      hooks: {
        init: function (u) {
          tip = document.createElement('div');
          tip.className = 'tip';
          u.over.appendChild(tip);
          u.over.addEventListener('mouseenter', function () { inside = true; });
          u.over.addEventListener('mouseleave', function () { inside = false; tip.style.display = 'none'; });
        },
        setCursor: function (u) {
          var i = u.cursor.idx;
          if (!inside || i == null) { tip.style.display = 'none'; return; }
          var rows = [title(u, i)];
          for (var s = 1; s < u.series.length; s++) {
            var v = u.data[s][i];
            if (u.series[s].show && v != null) rows.push('<span style="color:' + u.series[s]._stroke + '">■</span> ' + u.series[s].label + ': ' + u.series[s].value(u, v, s, i));
          }
          tip.innerHTML = rows.join('<br>');
          tip.style.display = 'block';
          var x = u.cursor.left + 14;
          if (x + tip.offsetWidth > u.over.clientWidth) x = Math.max(0, u.cursor.left - tip.offsetWidth - 14);
          tip.style.left = x + 'px';
          tip.style.top = Math.max(0, Math.min(u.cursor.top, u.over.clientHeight - tip.offsetHeight)) + 'px';
        },
      },
    };
  };

  // 24-hour UTC times; the date under the first tick and under each midnight, dates alone when ticks are days apart.
  var timeLabels = function (u, splits, axisIdx, space, incr) {
    var prev = null;
    return splits.map(function (s, k) {
      var d = new Date(s * 1000);
      var day = d.getUTCFullYear() + '-' + pad2(d.getUTCMonth() + 1) + '-' + pad2(d.getUTCDate());
      var hm = pad2(d.getUTCHours()) + ':' + pad2(d.getUTCMinutes());
      var label = incr >= 86400 ? day : k === 0 || day !== prev ? hm + '\n' + day : hm;
      prev = day;
      return label;
    });
  };

  var yRange = function (panel) {
    return function (u, min, max) {
      var hi = panel.clip == null ? max : Math.min(max, panel.clip);
      if (!(hi > 0)) hi = 1;
      if (panel.integer) return [0, Math.ceil(hi) + 1];
      return uPlot.rangeNum(0, hi, 0.1, true);
    };
  };

  var timeChart = function (panel, el) {
    var series = [{ label: 'time (UTC)', value: function (u, v) { return v == null ? '-' : timeText(v); } }];
    panel.series.forEach(function (s) {
      series.push({
        label: s.label, stroke: s.color, width: s.width, dash: s.dash, points: { show: false },
        value: function (u, v) { return number(v, panel.integer) + (panel.unit === 'USD' ? ' USD' : ''); },
      });
    });
    var opts = {
      width: el.clientWidth, height: HEIGHT,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      padding: [12, 28, 0, 0],
      cursor: { sync: { key: 'sim' }, drag: { x: true, y: false } },
      scales: { x: { time: true }, y: { range: yRange(panel) } },
      axes: [
        { font: FONT, space: 80, size: 52, values: timeLabels },
        {
          font: FONT, size: axisSize, label: panel.unit, labelFont: FONT, labelSize: 18,
          incrs: panel.integer ? [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] : undefined,
          values: function (u, splits) { return splits.map(function (v) { return number(v, panel.integer || Number.isInteger(v)); }); },
        },
      ],
      series: series,
      legend: { live: true },
      hooks: { drawClear: [shade], setScale: [syncZoom] },
      plugins: [tooltip(function (u, i) { return '<b>' + timeText(u.data[0][i]) + ' UTC</b>'; })],
    };
    var u = new uPlot(opts, [D.x].concat(panel.series.map(function (s) { return s.values; })), el);
    u.panelId = panel.id;
    timeCharts.push(u);
    return u;
  };

  var frontierChart = function (F, el) {
    var series = [{ label: 'cost', value: function (u, v) { return v == null ? '-' : '$' + v.toFixed(2); } }];
    F.series.forEach(function (s) {
      var big = s.kind === 'controller';
      series.push({
        label: s.label, stroke: s.color, width: s.kind === 'frontier' ? 1.5 : 0, dash: s.kind === 'frontier' ? [5, 4] : [],
        spanGaps: s.kind === 'frontier', paths: s.kind === 'frontier' ? undefined : function () { return null; },
        points: { show: s.kind !== 'frontier', size: big ? 16 : 9, width: big ? 3 : 1, stroke: big ? '#24292f' : s.color, fill: s.color },
        value: function (u, v) { return v == null ? '-' : Math.round(v).toLocaleString('en-US') + ' failed'; },
      });
    });
    var u = new uPlot({
      width: el.clientWidth, height: 300, padding: [12, 28, 0, 0],
      cursor: { drag: { x: true, y: true } },
      scales: {
        x: { time: false, range: function (u, min, max) { var p = (max - min) * 0.08 || max * 0.1 || 1; return [Math.max(0, min - p), max + p]; } },
        y: { range: function (u, min, max) { return uPlot.rangeNum(0, max > 0 ? max : 1, 0.1, true); } },
      },
      axes: [
        { font: FONT, label: 'cost (USD)', labelFont: FONT, labelSize: 18, space: 80, values: function (u, sp) { return sp.map(function (v) { return '$' + v.toFixed(2); }); } },
        { font: FONT, size: axisSize, label: 'failed requests', labelFont: FONT, labelSize: 18, values: function (u, sp) { return sp.map(function (v) { return Math.round(v).toLocaleString('en-US'); }); } },
      ],
      series: series,
      legend: { live: true },
      plugins: [tooltip(function (u, i) { return '<b>' + F.settings[i] + '</b>'; })],
    }, [F.x].concat(F.series.map(function (s) { return s.values; })), el);
    u.panelId = 'frontier';
    return u;
  };

  document.querySelectorAll('.chart[data-panel]').forEach(function (el) {
    var id = el.getAttribute('data-panel');
    if (id === 'frontier') { if (D.frontier) charts.push(frontierChart(D.frontier, el)); return; }
    var panel = D.panels.filter(function (p) { return p.id === id; })[0];
    if (panel) charts.push(timeChart(panel, el));
  });

  var redraw = function () { timeCharts.forEach(function (c) { c.redraw(false); }); };
  var select = document.getElementById('shade');
  if (select) select.addEventListener('change', function () { shadeOf = select.value; redraw(); });
  var zoomTo = function (min, max) { timeCharts.forEach(function (c) { c.setScale('x', { min: min, max: max }); }); };
  var reset = document.getElementById('reset-zoom');
  if (reset) reset.addEventListener('click', function () { zoomTo(D.x[0], D.x[D.x.length - 1]); });
  document.querySelectorAll('#decisions-table tr[data-t] a.at').forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      var t = Number(a.parentNode.parentNode.getAttribute('data-t'));
      zoomTo(t - 3600, t + 3600);
      document.getElementById('panel-capacity').scrollIntoView({ behavior: 'smooth' });
    });
  });
  var resize = function () {
    charts.forEach(function (c) { c.setSize({ width: c.root.parentNode.clientWidth, height: c.height }); });
  };
  var pending;
  window.addEventListener('resize', function () { clearTimeout(pending); pending = setTimeout(resize, 100); });
  window.__report = { charts: charts, data: D };
})();
