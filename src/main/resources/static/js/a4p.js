// The pages' charts: each element with data-spark (a sparkline) or data-chart (a chart) carries its
// data as JSON; this file draws them with ECharts. No inline script runs (the page's CSP forbids it),
// and every chart has its figures in a table or text beside it, so nothing is only in the picture.
(function () {
  'use strict';
  var palette = ['#1a4d80', '#c0392b', '#1e6b34', '#7a4a00', '#6c3483', '#117a8b', '#5d6d7e', '#b9770e'];

  function sparkline(el) {
    var points = JSON.parse(el.getAttribute('data-spark'));
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false, grid: { left: 2, right: 2, top: 2, bottom: 2 },
      xAxis: { type: 'value', show: false, min: 'dataMin', max: 'dataMax' }, yAxis: { type: 'value', show: false, scale: true },
      series: [{ type: 'line', data: points, symbol: 'none', lineStyle: { width: 2, color: '#1a4d80' } }]
    });
  }

  // data-chart: {"categories": ["2011", ..], "series": [{"name": .., "values": [n|null, ..]}],
  // "target": n|null, "baseline": n|null, "labels": {"target": .., "baseline": ..}}
  function chart(el) {
    var spec = JSON.parse(el.getAttribute('data-chart'));
    var instance = echarts.init(el, null, { renderer: 'svg' });
    var series = spec.series.map(function (s, i) {
      return { name: s.name, type: 'line', data: s.values, showSymbol: true, lineStyle: { width: i === 0 ? 3 : 2 }, color: palette[i % palette.length] };
    });
    var marks = [];
    if (spec.target !== null && spec.target !== undefined) {
      marks.push({ yAxis: spec.target, name: spec.labels.target, lineStyle: { color: '#1e6b34', type: 'dashed', width: 2 }, label: { formatter: spec.labels.target } });
    }
    if (spec.baseline !== null && spec.baseline !== undefined) {
      marks.push({ yAxis: spec.baseline, name: spec.labels.baseline, lineStyle: { color: '#7a4a00', type: 'dotted', width: 2 }, label: { formatter: spec.labels.baseline } });
    }
    if (marks.length && series.length) {
      series[0].markLine = { symbol: 'none', data: marks };
    }
    instance.setOption({
      animation: false, color: palette, tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 }, grid: { left: 50, right: 120, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: spec.categories }, yAxis: { type: 'value', scale: false },
      series: series
    });
    window.addEventListener('resize', function () { instance.resize(); });
  }

  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-spark]').forEach(sparkline);
    document.querySelectorAll('[data-chart]').forEach(chart);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
