// The map's layers, list and controls. Layers come by URL as GeoJSON; every text from the data goes
// into the page with textContent, never as HTML. Works inside an iframe on another site.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("map-config").textContent);
  var map = window[config.map];
  if (!map) return;
  var REVEAL_ZOOM = 17;
  function POINT(colour) { return { radius: 7, color: "#ffffff", weight: 2, fillColor: colour, fillOpacity: 0.95 }; }
  var groups = {};
  var markers = {};
  var list = document.querySelector("[data-map-list]");
  var status = document.querySelector("[data-map-status]");
  var items = list ? Array.prototype.slice.call(list.querySelectorAll("li[data-layers]")) : [];

  function line(box, tag, value, className) {
    if (!value && value !== 0) return;
    if (box.childNodes.length) box.appendChild(document.createElement("br"));
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) el.className = className;
    box.appendChild(el);
  }

  function link(box, href, label) {
    if (!href) return;
    box.appendChild(document.createElement("br"));
    var a = document.createElement("a");
    a.href = href;
    a.target = "_top";
    a.textContent = label;
    box.appendChild(a);
  }

  function popup(props) {
    var box = document.createElement("div");
    box.className = "map-popup";
    line(box, "strong", props.name || props.provider);
    line(box, "span", props.family || props.status || props.service_label || props.district);
    line(box, "span", props.place || props.address || props.description);
    if (props.per_thousand !== undefined) line(box, "span", props.per_thousand === null ? "—" : props.per_thousand + " ‰");
    if (props.housing) line(box, "span", "→ " + props.housing);
    link(box, props.url || props.provider_url, config.labels.open);
    return box;
  }

  function choroplethStyle(data, colour) {
    var top = 0;
    data.features.forEach(function (f) { top = Math.max(top, f.properties.per_thousand || 0); });
    return function (feature) {
      var value = feature.properties.per_thousand || 0;
      return { color: colour, weight: 1, fillColor: colour, fillOpacity: top ? 0.1 + 0.6 * (value / top) : 0.05 };
    };
  }

  config.layers.forEach(function (layer) {
    var points = layer.kind === "initiatives" || layer.kind === "projects";
    var group = points && L.markerClusterGroup ? L.markerClusterGroup({ showCoverageOnHover: false, disableClusteringAtZoom: REVEAL_ZOOM }) : L.featureGroup();
    groups[layer.slug] = group;
    group.layerName = layer.name;
    var url = layer.url + (config.query && layer.kind === "initiatives" ? "?" + config.query : "");
    fetch(url)
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, POINT(layer.colour));
          },
          style: layer.kind === "choropleth" ? choroplethStyle(data, layer.colour) : function (feature) {
            if (feature.geometry.type === "Point") return POINT(layer.colour);  // style applies to points too
            return { color: layer.colour, weight: layer.kind === "housing" ? 3 : 2, fillOpacity: layer.kind === "poles" ? 0.25 : 0.04 };
          },
          onEachFeature: function (feature, item) {
            item.bindPopup(popup(feature.properties));
            if (feature.properties.url && !markers[feature.properties.url]) markers[feature.properties.url] = { marker: item, group: group };
          },
        }).eachLayer(function (item) { group.addLayer(item); });
        sync();
      });
    if (layer.shown) group.addTo(map);
  });

  if (map.zoomControl) {  // folium's zoom buttons, with titles in the page's language
    map.removeControl(map.zoomControl);
    L.control.zoom({ zoomInTitle: config.labels.zoomIn, zoomOutTitle: config.labels.zoomOut }).addTo(map);
  }
  if (config.controls && config.layers.length) {
    var overlays = {};
    config.layers.forEach(function (layer) { overlays[layer.name] = groups[layer.slug]; });
    var control = L.control.layers(null, overlays, { collapsed: map.getSize().x < 900 }).addTo(map);
    var toggle = control.getContainer().querySelector(".leaflet-control-layers-toggle");
    if (toggle) { toggle.title = config.labels.layers; toggle.setAttribute("aria-label", config.labels.layers); }
  }

  if (config.area) {
    fetch(config.area).then(function (r) { return r.json(); }).then(function (data) {
      L.geoJSON(data, { style: { color: "#1b1b1f", weight: 3, dashArray: "6 4", fill: false }, interactive: false }).addTo(map);
    });
  }
  if (config.fit && config.fitToArea) {
    map.fitBounds([[config.fit[1], config.fit[0]], [config.fit[3], config.fit[2]]]);
  }

  function sync() {
    if (!list) return;
    var bounds = map.getBounds();
    var shown = 0;
    items.forEach(function (item) {
      var onLayer = item.dataset.layers.split(" ").some(function (slug) { return groups[slug] && map.hasLayer(groups[slug]); });
      // an unlocated initiative of the selection stays listed: it is in the selection, not in a view
      var visible = onLayer && (!item.dataset.lat || bounds.contains([parseFloat(item.dataset.lat), parseFloat(item.dataset.lon)]));
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    if (status) status.textContent = config.labels.inView.replace("%(count)s", shown);
  }
  map.on("moveend overlayadd overlayremove", sync);
  var lastButton = null;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && lastButton) {
      map.closePopup();
      lastButton.focus();
      lastButton = null;
    }
  });
  sync();

  items.forEach(function (item) {
    var button = item.querySelector("[data-map-show]");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      lastButton = button;
      var found = markers[item.dataset.url];
      var latlng = [parseFloat(item.dataset.lat), parseFloat(item.dataset.lon)];
      // clusters open up at REVEAL_ZOOM; the popup opens once the map has moved there
      var opened = false;
      var open = function () {
        if (opened || !found) return;
        opened = true;
        found.marker.openPopup();
        var popupLink = found.marker.getPopup().getElement().querySelector("a");
        if (popupLink) popupLink.focus();  // keyboard users land in the popup; Escape returns them
      };
      map.once("moveend", open);
      map.setView(latlng, REVEAL_ZOOM);
      window.setTimeout(open, 600);  // already there: no move, no moveend
    });
  });

  var near = document.querySelector("[data-map-near]");
  if (near && navigator.geolocation) {
    near.hidden = false;
    near.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(
        function (position) {
          var here = [position.coords.latitude, position.coords.longitude];
          map.setView(here, 15);
          items.sort(function (a, b) {
            return map.distance(here, [a.dataset.lat, a.dataset.lon]) - map.distance(here, [b.dataset.lat, b.dataset.lon]);
          }).forEach(function (item) { list.appendChild(item); });
        },
        function () { if (status) status.textContent = config.labels.noPosition; }
      );
    });
  }

  var builder = document.querySelector("[data-embed-builder]");
  if (builder) {
    var code = document.querySelector("[data-embed-code]");
    var preview = document.querySelector("[data-embed-preview]");
    builder.addEventListener("change", function () {
      var data = new FormData(builder);
      var params = new URLSearchParams();
      var layers = data.getAll("capes");
      data.forEach(function (value, key) { if (key !== "capes" && value) params.append(key, value); });
      if (layers.length) params.set("capes", layers.join(","));
      var link = document.querySelector("[data-embed-link]");
      var src = link.href.split("?")[0] + (params.toString() ? "?" + params.toString() : "");
      var frame = document.createElement("iframe");
      frame.src = src;
      frame.title = preview.querySelector("iframe") ? preview.querySelector("iframe").title : "";
      frame.width = "100%";
      frame.height = data.get("alcada") || "520";
      frame.style.border = "0";
      preview.replaceChildren(frame);
      code.value = frame.outerHTML;
      link.href = src;
    });
  }
})();
