// The map's layers, layer control, legend and list. Layers come by URL as GeoJSON; every text from the
// data goes into the page with textContent, never as HTML. The list is rendered on the server (one
// group per shown layer); this script hides what leaves the view, fetches the group of a layer
// switched on later (rendered by the same template), and keeps the counts in an aria-live region.
// Works inside an iframe on another site.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("map-config").textContent);
  var map = window[config.map];
  if (!map) return;
  var labels = config.labels;
  var REVEAL_ZOOM = 17;
  function POINT(colour) { return { radius: 7, color: "#ffffff", weight: 2, fillColor: colour, fillOpacity: 0.95 }; }
  // A need is a ring, an offer a filled dot: they differ in shape, not only in colour.
  function NEED(colour) { return { radius: 6, color: colour, weight: 4, fillColor: "#ffffff", fillOpacity: 1 }; }
  function pointStyle(layer, feature) {
    return faded(feature, feature.properties.direction === "need" ? NEED(layer.colour) : POINT(layer.colour));
  }
  var groups = {};   // layer slug -> Leaflet group
  var markers = {};  // layer slug -> initiative or project URL -> marker
  var layout = document.querySelector("[data-map-layout]");
  var listBox = document.querySelector("[data-map-groups]");
  var status = document.querySelector("[data-map-status]");
  var bySlug = {};
  config.layers.forEach(function (layer) { bySlug[layer.slug] = layer; });

  function format(text, count) { return text.replace("%(count)s", count); }

  function line(box, tag, value) {
    if (!value && value !== 0) return;
    if (box.childNodes.length) box.appendChild(document.createElement("br"));
    var el = document.createElement(tag);
    el.textContent = value;
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
    var kind = [props.family].concat(props.sectors || []).filter(Boolean).join(" · ");
    line(box, "span", kind || props.status || props.service_label || props.district);
    line(box, "span", props.post);  // an offer or a need: "Oferta · Espai", then who posts it
    line(box, "span", props.initiative);
    if (props.completion) line(box, "span", props.completion + " %");
    line(box, "span", props.place || props.address || props.description);
    if (props.outside) line(box, "em", labels.outside);
    if (props.per_thousand !== undefined) line(box, "span", props.per_thousand === null ? "—" : props.per_thousand + " ‰");
    if (props.housing) line(box, "span", "→ " + props.housing);
    link(box, props.url || props.provider_url, labels.open);
    return box;
  }

  function choroplethStyle(layer) {
    return function (feature) {
      var value = feature.properties.per_thousand;
      var step = value === null || value === undefined ? null : layer.scale.filter(function (s) { return value <= s.upTo + 1e-9; })[0];
      return { color: layer.colour, weight: 1, fillColor: layer.colour, fillOpacity: step ? step.opacity : 0.05 };
    };
  }

  function clusterName(cluster) {
    var count = cluster.getChildCount();
    return format(count === 1 ? labels.clusterOne : labels.clusterMany, count);
  }

  function layerQuery(layer) {  // the visitor's filters choose initiatives; every layer keeps to the area
    return layer.query ? "?" + layer.query : "";
  }

  // A provider outside the area (`outside`, see features.housing) is drawn faded.
  function faded(feature, style) {
    if (!feature.properties.outside) return style;
    return L.extend({}, style, { opacity: 0.4, fillOpacity: 0.3, dashArray: feature.geometry.type === "Point" ? null : "4 6" });
  }

  // Each layer's GeoJSON is fetched when the layer is first shown, not before: an embed of two layers
  // asks for two documents (and the area's outline), whatever the layer control offers.
  var loaded = {};
  function load(layer) {
    if (loaded[layer.slug]) return;
    loaded[layer.slug] = true;
    var group = groups[layer.slug];
    fetch(layer.url + layerQuery(layer))
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { loaded[layer.slug] = false; return; }
        var items = [];
        L.geoJSON(data, {
          pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, pointStyle(layer, feature)); },
          style: layer.kind === "choropleth" ? choroplethStyle(layer) : function (feature) {
            if (feature.geometry.type === "Point") return pointStyle(layer, feature);  // style applies to points too
            return faded(feature, { color: layer.colour, weight: layer.kind === "housing" ? 3 : 2, fillOpacity: layer.kind === "poles" ? 0.25 : 0.04 });
          },
          onEachFeature: function (feature, item) {
            item.bindPopup(function () { return popup(feature.properties); });  // built when opened
            var key = feature.properties.url;
            if (key && !markers[layer.slug][key]) markers[layer.slug][key] = item;
          },
        }).eachLayer(function (item) { items.push(item); });
        if (group.addLayers) group.addLayers(items); else items.forEach(function (item) { group.addLayer(item); });
        sync();
      })
      .catch(function () { loaded[layer.slug] = false; });  // a network failure: asked for again when shown again
  }

  config.layers.forEach(function (layer) {
    var points = layer.kind === "initiatives" || layer.kind === "projects" || layer.kind === "posts";
    var group = points && L.markerClusterGroup ? L.markerClusterGroup({ showCoverageOnHover: false, disableClusteringAtZoom: REVEAL_ZOOM }) : L.featureGroup();
    groups[layer.slug] = group;
    markers[layer.slug] = {};
    if (layer.shown) { group.addTo(map); load(layer); }
  });

  // Cluster buttons carry their name ("21 initiatives"), not only a number in a circle.
  map.on("layeradd", function (event) {
    var cluster = event.layer;
    if (cluster.getChildCount && cluster._icon) {
      cluster._icon.setAttribute("aria-label", clusterName(cluster));
      cluster._icon.title = clusterName(cluster);
    }
  });

  // Zoom buttons, scale (metric only) and attribution in the page's language.
  if (map.zoomControl) {
    map.removeControl(map.zoomControl);
    L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  }
  L.control.scale({ imperial: false }).addTo(map);
  if (map.attributionControl) {
    var leaflet = document.createElement("a");
    leaflet.href = "https://leafletjs.com";
    leaflet.title = labels.leaflet;
    leaflet.textContent = "Leaflet";
    map.attributionControl.setPrefix(leaflet.outerHTML);
  }
  map.on("popupopen", function (event) {
    var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) { close.setAttribute("aria-label", labels.close); close.title = labels.close; }
  });

  // The layer control: sector layers and thematic layers in two fieldsets, behind one button that
  // moves focus into the panel when it opens.
  if (config.controls && config.layers.length) {
    var LayerControl = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        var box = L.DomUtil.create("div", "map-layers leaflet-control");
        var toggle = L.DomUtil.create("button", "map-layers__toggle", box);
        toggle.type = "button";
        toggle.textContent = labels.layers;
        toggle.setAttribute("aria-expanded", "false");
        var panel = L.DomUtil.create("div", "map-layers__panel", box);
        panel.id = config.map + "-layers";
        panel.hidden = true;
        toggle.setAttribute("aria-controls", panel.id);
        [["themes", labels.themeLayers], ["sectors", labels.sectorLayers]].forEach(function (part) {
          var members = config.layers.filter(function (layer) { return layer.group === part[0]; });
          if (!members.length) return;
          var fieldset = L.DomUtil.create("fieldset", "", panel);
          L.DomUtil.create("legend", "", fieldset).textContent = part[1];
          members.forEach(function (layer) {
            var label = L.DomUtil.create("label", "", fieldset);
            var input = L.DomUtil.create("input", "", label);
            input.type = "checkbox";
            input.checked = layer.shown;
            input.dataset.layer = layer.slug;
            var swatch = L.DomUtil.create("span", "swatch", label);
            swatch.style.background = layer.colour;
            label.appendChild(document.createTextNode(layer.name));
            input.addEventListener("change", function () { setShown(layer, input.checked); });
          });
        });
        function open(on) {
          panel.hidden = !on;
          toggle.setAttribute("aria-expanded", on ? "true" : "false");
          if (on) panel.querySelector("input").focus();
        }
        toggle.addEventListener("click", function () { open(panel.hidden); });
        panel.addEventListener("keydown", function (event) {
          if (event.key === "Escape") { event.stopPropagation(); open(false); toggle.focus(); }
        });
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      },
    });
    new LayerControl().addTo(map);
  }

  if (config.area) {
    fetch(config.area).then(function (r) { return r.json(); }).then(function (data) {
      L.geoJSON(data, { style: { color: "#1b1b1f", weight: 3, dashArray: "6 4", fill: false }, interactive: false }).addTo(map);
    });
  }
  var area = config.fit ? L.latLngBounds([[config.fit[1], config.fit[0]], [config.fit[3], config.fit[2]]]) : null;
  if (area && config.fitToArea) map.fitBounds(area, { animate: false });  // the first view: nothing to animate from
  // Locked to the area: panning stops at its bounds plus a margin, and zooming out stops where the whole
  // area fits the frame (measured again when the frame changes size): a zoom_min below that zoom would
  // let the area leave the view, so it only raises the minimum. zoom_max always wins, even over the
  // area's zoom, or the visitor would be left past the maximum with zooming out disabled. Unlocked,
  // zoom_min/zoom_max apply as given. Leaflet moves the current view into the range it is given.
  function limitView() {
    var minZoom = config.minZoom;
    if (config.lock && area) {
      map.options.maxBoundsViscosity = 1;
      map.setMaxBounds(area.pad(0.15));
      var size = map.getSize();
      if (size.x && size.y) minZoom = Math.max(minZoom || 0, map.getBoundsZoom(area));
    }
    if (config.maxZoom) {
      map.setMaxZoom(config.maxZoom);
      if (minZoom) minZoom = Math.min(minZoom, config.maxZoom);
    }
    if (minZoom) map.setMinZoom(minZoom);
  }
  limitView();
  map.on("resize", limitView);

  if (config.near) {  // named, not only a dot: its title, its label and a visible tooltip
    var here = L.marker(config.near, {
      icon: L.divIcon({ className: "map-here", iconSize: [18, 18] }),
      title: labels.youAreHere,
      alt: labels.youAreHere,
    }).addTo(map);
    here.bindTooltip(labels.youAreHere, { permanent: true, direction: "right", offset: [10, 0] });
    if (here.getElement()) here.getElement().setAttribute("aria-label", labels.youAreHere);
    if (config.radius) L.circle(config.near, { radius: config.radius, color: "#1b1b1f", weight: 1, fill: false, interactive: false }).addTo(map);
  }

  // The list: a group per shown layer, each item hidden when it leaves the view.
  function sections() { return listBox ? Array.prototype.slice.call(listBox.querySelectorAll("[data-list-group]")) : []; }

  function sync() {
    if (!listBox) return;
    var view = map.getBounds();
    var total = 0;
    var parts = [];
    sections().forEach(function (section) {
      var slug = section.dataset.listGroup;
      var on = groups[slug] && map.hasLayer(groups[slug]);
      section.hidden = !on;
      if (!on) return;
      var shown = 0;
      section.querySelectorAll("[data-map-item]").forEach(function (item) {
        // an unlocated initiative of the selection stays listed: it is in the selection, not in a view
        var box = item.dataset.bbox ? item.dataset.bbox.split(",").map(parseFloat) : null;
        var visible = !box || box[0] <= view.getEast() && box[2] >= view.getWest() && box[1] <= view.getNorth() && box[3] >= view.getSouth();
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      section.querySelector("[data-group-count]").textContent = "(" + shown + ")";
      total += shown;
      parts.push((bySlug[slug] ? bySlug[slug].name : slug) + ": " + shown);
    });
    if (status) status.textContent = format(labels.inView, total) + (parts.length ? " (" + parts.join(", ") + ")" : "");
  }
  map.on("moveend", sync);

  function place(section) {  // in the server's order (kind, then the layers' order), whatever order they arrive in
    var order = config.layers.map(function (layer) { return layer.slug; });
    function key(slug) { return bySlug[slug].rank * 1000 + order.indexOf(slug); }
    var mine = key(section.dataset.listGroup);
    var next = sections().filter(function (other) { return key(other.dataset.listGroup) > mine; })[0];
    listBox.insertBefore(section, next || null);
    wire(section);
  }

  function setShown(layer, on) {
    var group = groups[layer.slug];
    if (on) { group.addTo(map); load(layer); } else map.removeLayer(group);
    var legend = document.querySelector('[data-legend="' + layer.slug + '"]');
    if (legend) legend.hidden = !on;
    var known = listBox && listBox.querySelector('[data-list-group="' + layer.slug + '"]');
    if (on && listBox && !known) {
      fetch(layer.list + layerQuery(layer))
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html || listBox.querySelector('[data-list-group="' + layer.slug + '"]')) return;
          // our own server's template, every value escaped there; DOMParser runs no script
          var section = new DOMParser().parseFromString(html, "text/html").querySelector("[data-list-group]");
          if (section) { place(document.adoptNode(section)); sync(); }
        });
    }
    sync();
  }

  // "Show on the map": the marker's popup opens with focus on its link; Escape restores the view
  // and the focus the visitor had.
  var back = null;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && back) {
      map.closePopup();
      map.setView(back.centre, back.zoom, { animate: false });
      back.button.focus();
      back = null;
    }
  });

  function wire(section) {
    section.querySelectorAll("[data-map-show]").forEach(function (button) {
      var item = button.closest("[data-map-item]");
      var slug = section.dataset.listGroup;
      button.hidden = false;
      button.addEventListener("click", function () {
        back = { button: button, centre: map.getCenter(), zoom: map.getZoom() };
        if (layout && layout.dataset.view === "list") showView("map");
        map.setView([parseFloat(item.dataset.lat), parseFloat(item.dataset.lon)], REVEAL_ZOOM);
        // the marker is on the map once its layer has loaded and its cluster has opened up at
        // REVEAL_ZOOM: look for it until then (a few seconds at most)
        var tries = 0;
        (function open() {
          var found = markers[slug] && markers[slug][item.dataset.url];
          if (!found || !found._map) {
            if (tries++ < 30) window.setTimeout(open, 100);
            return;
          }
          found.openPopup();
          var popupLink = found.getPopup().getElement().querySelector(".map-popup a");
          if (popupLink) popupLink.focus();
        })();
      });
    });
  }
  sections().forEach(wire);
  sync();

  // The phone's Map/List switch (CSS applies it under 48rem only) and collapsed filters there.
  var switcher = document.querySelector("[data-map-switch]");
  function showView(view) {
    layout.dataset.view = view;
    switcher.querySelectorAll("[data-map-view]").forEach(function (button) {
      button.setAttribute("aria-pressed", button.dataset.mapView === view ? "true" : "false");
    });
    if (view === "map") map.invalidateSize();
  }
  if (switcher && layout) {
    switcher.hidden = false;
    layout.dataset.view = "map";
    switcher.querySelectorAll("[data-map-view]").forEach(function (button) {
      button.addEventListener("click", function () { showView(button.dataset.mapView); });
    });
  }
  // "Near me" and the filters folded on phones: directori/near-me.js, as in the directory. Submitted
  // with the button, the form leaves out its empty fields, so the address stays short to share.
  var form = document.querySelector("[data-map-form]");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, key) { if (value) params.append(key, value); });
      window.location.search = params.toString();
    });
  }
})();
