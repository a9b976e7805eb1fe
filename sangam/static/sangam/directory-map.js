// Directory map: state outlines and service points, no internet tiles.
(function () {
  var script = document.getElementById("map-script");
  var outlines = null;

  function draw() {
    var el = document.getElementById("map");
    if (!el || !window.L || el.dataset.drawn) return;
    el.dataset.drawn = "1";
    var map = L.map(el, { attributionControl: false }).setView([23, 82], 4);
    var load = outlines || fetch(script.dataset.outlines).then(function (r) { return r.json(); });
    outlines = load;
    load.then(function (geo) {
      L.geoJSON(geo, { style: { color: "#777", weight: 1, fillColor: "#f3f1ea", fillOpacity: 1 } }).addTo(map);
      return fetch(script.dataset.points + "?" + el.dataset.query);
    }).then(function (r) { return r.json(); }).then(function (points) {
      var layer = L.geoJSON(points, {
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 6, color: f.properties.bed ? "#0b6b2e" : "#0b5f6b", fillOpacity: 0.8 });
        },
        onEachFeature: function (f, marker) {
          var a = document.createElement("a");
          a.href = f.properties.url;
          a.textContent = f.properties.name;
          marker.bindPopup(a);
        }
      }).addTo(map);
      if (points.features.length) map.fitBounds(layer.getBounds(), { maxZoom: 10, padding: [20, 20] });
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.body.addEventListener("htmx:afterSettle", draw);

  document.addEventListener("click", function (e) {
    if (e.target.id !== "use-location" || !navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition(function (pos) {
      var near = document.getElementById("id_near");
      near.value = pos.coords.latitude.toFixed(4) + "," + pos.coords.longitude.toFixed(4);
    });
  });
  // Choosing a state clears the district and searches again (a listener, not
  // an inline handler: the Content Security Policy allows no inline script).
  document.addEventListener("change", function (e) {
    if (e.target.id !== "id_state") return;
    e.target.form.district.value = "";
    e.target.form.submit();
  });
})();
