// District map of mapped villages: darker red is more vulnerable. Offline:
// state outlines shipped with Sangam, no internet tiles.
(function () {
  var script = document.getElementById("village-map-script");

  function colour(score) {
    if (score >= 60) return "#8b0000";
    if (score >= 40) return "#c0392b";
    if (score >= 20) return "#e67e22";
    return "#7f8c8d";
  }

  function draw() {
    var el = document.getElementById("village-map");
    if (!el || !window.L || el.dataset.drawn) return;
    el.dataset.drawn = "1";
    var map = L.map(el, { attributionControl: false }).setView([23, 82], 4);
    fetch(script.dataset.outlines).then(function (r) { return r.json(); }).then(function (geo) {
      L.geoJSON(geo, { style: { color: "#777", weight: 1, fillColor: "#f3f1ea", fillOpacity: 1 } }).addTo(map);
      return fetch(script.dataset.points);
    }).then(function (r) { return r.json(); }).then(function (data) {
      var bounds = [];
      data.points.forEach(function (p) {
        var marker = L.circleMarker([p.lat, p.lon], { radius: 7, color: colour(p.score), fillOpacity: 0.85 }).addTo(map);
        var a = document.createElement("a");
        a.href = p.url;
        a.textContent = p.name + " (" + p.score + ")";
        marker.bindPopup(a);
        bounds.push([p.lat, p.lon]);
      });
      if (bounds.length) map.fitBounds(bounds, { maxZoom: 11, padding: [20, 20] });
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
