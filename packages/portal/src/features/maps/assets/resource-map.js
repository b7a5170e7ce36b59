/* The interactive map of a resource (地圖): Leaflet, served by the portal, draws the county
   outline (same-origin GeoJSON), the operator's tile layer when one is configured, and the
   resource's features from its GeoJSON, each point a keyboard-focusable marker whose popup
   lists the row's fields. Popups are built from DOM text nodes, so a field holding markup
   or script shows it as characters. Without this file the page keeps its server-drawn SVG
   map and the table of locations; settings and labels come from #map-live's data-* attributes. */
/* global document, window, fetch, L */
(function () {
  'use strict';

  var box = document.getElementById('map-live');
  if (!box || !window.fetch || typeof L === 'undefined') return;
  var config = box.dataset;
  var status = document.getElementById('map-status');
  var staticMap = document.getElementById('map-static');

  function say(text) {
    if (status) status.textContent = text;
  }

  function getJson(url) {
    return fetch(url, { headers: { accept: 'application/geo+json, application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.json();
    });
  }

  /** Text as text: what Leaflet's attribution control writes as HTML. */
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  }

  function nameOf(properties) {
    var keys = Object.keys(properties || {});
    var patterns = [/^name$/i, /名稱$/, /^title$/i, /name/i, /名稱/, /標題|站名|地名/];
    for (var p = 0; p < patterns.length; p++) {
      for (var k = 0; k < keys.length; k++) {
        var value = properties[keys[k]];
        if (patterns[p].test(keys[k]) && typeof value === 'string' && value.trim() !== '') return value;
      }
    }
    return '';
  }

  /** The row's fields as a two-column table of text nodes. */
  function popupContent(feature, fallbackName) {
    var properties = feature.properties || {};
    var wrapper = document.createElement('div');
    wrapper.className = 'map-popup';
    var heading = document.createElement('p');
    heading.className = 'map-popup-title';
    heading.appendChild(document.createTextNode(nameOf(properties) || fallbackName));
    wrapper.appendChild(heading);
    var table = document.createElement('table');
    var body = document.createElement('tbody');
    Object.keys(properties).forEach(function (key) {
      var row = document.createElement('tr');
      var th = document.createElement('th');
      th.setAttribute('scope', 'row');
      th.appendChild(document.createTextNode(key));
      var td = document.createElement('td');
      var value = properties[key];
      td.appendChild(document.createTextNode(value === null || value === undefined ? '' : String(value)));
      row.appendChild(th);
      row.appendChild(td);
      body.appendChild(row);
    });
    table.appendChild(body);
    wrapper.appendChild(table);
    return wrapper;
  }

  box.hidden = false;
  if (staticMap) staticMap.hidden = true;
  var map = L.map(box, {
    keyboard: true,
    zoomControl: false,
    attributionControl: true,
    worldCopyJump: false,
  });
  L.control.zoom({ zoomInTitle: config.zoomIn, zoomOutTitle: config.zoomOut }).addTo(map);
  map.attributionControl.addAttribution(escapeHtml(config.outlineAttribution || ''));
  var taiwan = L.latLngBounds([21.8, 118.1], [26.4, 122.1]);
  map.fitBounds(taiwan, { animate: false });

  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, {
      attribution: escapeHtml(config.tileAttribution || ''),
      maxZoom: 18,
    }).addTo(map);
  }

  say(config.loading);
  var outline = getJson(config.outlineUrl).then(function (geojson) {
    L.geoJSON(geojson, {
      interactive: false,
      // Leaflet's default smoothing (1 px) would move the coast under coastal points.
      smoothFactor: 0.25,
      style: function (feature) {
        var code = String((feature.properties && feature.properties.code) || '').replace(/[^0-9A-Za-z]/g, '');
        return { className: 'map-county map-county-' + code, weight: 1 };
      },
    }).addTo(map);
  });

  var data = getJson(config.dataUrl).then(function (geojson) {
    var count = 0;
    var layer = L.geoJSON(geojson, {
      style: { className: 'map-shape', weight: 3 },
      pointToLayer: function (feature, latlng) {
        count++;
        var title = nameOf(feature.properties) || '#' + count;
        return L.marker(latlng, {
          icon: L.divIcon({ className: 'map-marker', iconSize: [16, 16] }),
          title: title,
          alt: title,
          keyboard: true,
          riseOnHover: true,
        });
      },
      onEachFeature: function (feature, featureLayer) {
        var fallback = '#' + (count || 1);
        featureLayer.bindPopup(function () {
          return popupContent(feature, fallback);
        });
      },
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
    box.setAttribute('data-features', String(layer.getLayers().length));
  });

  Promise.all([outline, data]).then(
    function () {
      say('');
      box.setAttribute('data-ready', 'true');
    },
    function () {
      say(config.loadFailed);
      if (staticMap) staticMap.hidden = false;
      box.setAttribute('data-ready', 'failed');
    },
  );
})();
