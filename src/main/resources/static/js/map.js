// The pages' maps: each element with data-map (JSON: points, attribution, label, centre, overview)
// and data-geo (the shipped country boundaries) becomes a Leaflet map over those boundaries, with no
// tile server. Markers of a mission's sites take the keyboard (Tab to reach one, Enter for its
// popup); every map has its figures in a table beside it, so nothing is only in the picture.
(function () {
  'use strict';

  function text(tag, content, className) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (className) {
      el.className = className;
    }
    return el;
  }

  function popup(point) {
    var box = document.createElement('div');
    if (point.href) {
      var link = text('a', point.name);
      link.href = point.href;
      box.appendChild(link);
    } else {
      box.appendChild(text('strong', point.name));
      box.appendChild(text('div', point.code, 'code'));
    }
    (point.lines || []).forEach(function (line) { box.appendChild(text('div', line)); });
    return box;
  }

  function draw(el, geo) {
    var spec = JSON.parse(el.getAttribute('data-map'));
    var map = L.map(el, { zoomSnap: 0.5, keyboard: true, worldCopyJump: false, minZoom: 1, maxZoom: 12 });
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution(spec.attribution);
    var bounds = spec.points.map(function (point) { return [point.lat, point.lon]; });
    // The view first: Leaflet puts a marker's element in the page only once the map has one.
    if (spec.overview || bounds.length === 0) {
      if (spec.centre) {
        map.setView(spec.centre, 5);
      } else {
        map.fitBounds(bounds.length ? bounds : [[-40, -100], [60, 140]], { padding: [20, 20] });
      }
    } else {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 8 });
    }
    L.geoJSON(geo, { interactive: false, style: { className: 'map-country', color: '#7d8b99', weight: 1, fillColor: '#f7f4ea', fillOpacity: 1 } }).addTo(map);
    spec.points.forEach(function (point) {
      var icon = L.divIcon({ className: 'map-pin' + (spec.overview && !point.current ? ' map-pin-closed' : ''), iconSize: [14, 14] });
      var marker = L.marker([point.lat, point.lon], { icon: icon, title: point.name, keyboard: !spec.overview, riseOnHover: true });
      marker.bindPopup(popup(point));
      marker.addTo(map);
      var pin = marker.getElement();
      pin.setAttribute('data-site', point.code);
      if (spec.overview) {
        pin.setAttribute('aria-hidden', 'true');
      } else {
        pin.setAttribute('aria-label', point.name);
      }
    });
    el.setAttribute('data-drawn', 'true');
  }

  function start() {
    var maps = document.querySelectorAll('[data-map]');
    if (!maps.length || typeof L === 'undefined') {
      return;
    }
    fetch(maps[0].getAttribute('data-geo'))
      .then(function (response) { return response.json(); })
      .then(function (geo) { maps.forEach(function (el) { draw(el, geo); }); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
