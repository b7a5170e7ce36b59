// Chart export (圖表匯出) for the chart page: a "Download PNG" button that draws the
// page's server-rendered SVG on a canvas (twice its size, on white) and saves it as PNG.
// The SVG is loaded as a data: URL (the page CSP allows img-src data:), so nothing
// leaves the page. Without this script the button stays hidden; the SVG download is a link.
/* global document, setTimeout, XMLSerializer, Image, HTMLCanvasElement */
(function () {
  'use strict';

  var SCALE = 2;

  function download(blob, fileName) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 10000);
  }

  function toPng(svg, fileName, onFail) {
    var width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
    var height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
    var markup = new XMLSerializer().serializeToString(svg);
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement('canvas');
      canvas.width = width * SCALE;
      canvas.height = height * SCALE;
      var context = canvas.getContext('2d');
      if (!context) return onFail();
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      try {
        canvas.toBlob(function (blob) {
          if (blob) download(blob, fileName);
          else onFail();
        }, 'image/png');
      } catch {
        onFail();
      }
    };
    image.onerror = onFail;
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(markup);
  }

  function enhance(button) {
    var svg = document.querySelector(button.getAttribute('data-chart-png'));
    if (!svg || typeof HTMLCanvasElement === 'undefined') return;
    button.hidden = false;
    button.addEventListener('click', function () {
      toPng(svg, button.getAttribute('data-file-name') || 'chart.png', function () {
        var note = document.createElement('p');
        note.setAttribute('role', 'status');
        note.textContent = button.getAttribute('data-unavailable') || '';
        button.insertAdjacentElement('afterend', note);
      });
    });
  }

  function start() {
    var buttons = document.querySelectorAll('button[data-chart-png]');
    for (var i = 0; i < buttons.length; i++) enhance(buttons[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
