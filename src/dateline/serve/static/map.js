// The offline map: country outlines shipped with dateline, events and places from this
// server's JSON, clustered. Popups are DOM nodes filled with textContent, never HTML
// strings, so article text cannot become markup here either.
(function () {
  "use strict";
  const el = document.getElementById("map");
  const status = document.getElementById("map-status");
  if (!el || !window.L) return;
  const map = L.map(el, { minZoom: 1, maxZoom: 14, worldCopyJump: true, zoomSnap: 0.5 });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
  map.setView([20, 10], 2);

  function node(tag, text, cls) {
    const n = document.createElement(tag);
    if (text) n.textContent = text;
    if (cls) n.className = cls;
    return n;
  }
  function link(href, text) {
    const a = node("a", text);
    a.href = href;
    return a;
  }
  function eventPopup(e) {
    const box = node("div", null, "popup");
    box.appendChild(node("h3", [e.type, e.acled_subtype || e.acled_type].filter(Boolean).join(" · ")));
    box.appendChild(node("p", [e.date, e.place, e.country].filter(Boolean).join(", ")));
    box.appendChild(node("p", (e.actor || "?") + " → " + (e.target || "—") + (e.modality !== "asserted" ? " (" + e.modality + ")" : "")));
    const q = node("blockquote", e.trigger);
    box.appendChild(q);
    // the supporting sentence is fetched when the popup opens (the data lists thousands of events)
    const params = new URLSearchParams({ article: e.article_id, event: e.event_id });
    fetch("/map/sentence.json?" + params.toString())
      .then((r) => r.json())
      .then((b) => { if (b.sentence) q.textContent = b.sentence; });
    const where = "/article/" + encodeURIComponent(e.article_id) + "?rec=event-" + encodeURIComponent(e.event_id) + "#r-event-" + encodeURIComponent(e.event_id);
    box.appendChild(link(where, "Read it in " + (e.title || e.article_id)));
    return box;
  }
  function placePopup(p) {
    const box = node("div", null, "popup");
    box.appendChild(node("h3", p.name || p.text));
    box.appendChild(node("p", ["“" + p.text + "”", p.feature, p.country, p.admin1].filter(Boolean).join(", ")));
    if (p.confidence !== null && p.confidence !== undefined) box.appendChild(node("p", "confidence " + p.confidence));
    const where = "/article/" + encodeURIComponent(p.article_id) + "?rec=place-" + encodeURIComponent(p.id) + "#r-place-" + encodeURIComponent(p.id);
    box.appendChild(link(where, "Read it in " + (p.title || p.article_id)));
    return box;
  }
  function icon(kind) {
    return L.divIcon({ className: "pin-icon", html: "", iconSize: kind === "event" ? [18, 18] : [14, 14],
                       iconAnchor: kind === "event" ? [9, 9] : [7, 7] });
  }
  function marker(lat, lon, kind, popup, label) {
    const m = L.marker([lat, lon], { icon: icon(kind), title: label, alt: label, keyboard: true });
    m.on("add", () => {
      const pin = m.getElement();
      if (pin && !pin.firstChild) {
        const s = node("span", kind === "event" ? "E" : "P", "pin pin-" + kind);
        s.setAttribute("aria-hidden", "true");
        pin.appendChild(s);
      }
    });
    m.bindPopup(popup);
    return m;
  }

  fetch(el.dataset.world).then((r) => r.json()).then((world) => {
    L.geoJSON(world, { interactive: false, style: { color: "#7a8a99", weight: 0.8, fillColor: "#f4f1e8", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  fetch(el.dataset.src).then((r) => {
    if (!r.ok) return r.json().then((b) => { throw new Error(b.error || r.statusText); });
    return r.json();
  }).then((data) => {
    const events = L.markerClusterGroup({ maxClusterRadius: 40 });
    const places = L.markerClusterGroup({ maxClusterRadius: 30 });
    const points = [];
    for (const e of data.events) {
      events.addLayer(marker(e.lat, e.lon, "event", () => eventPopup(e), "event " + e.type + " at " + (e.place || "")));
      points.push([e.lat, e.lon]);
    }
    for (const p of data.places) {
      places.addLayer(marker(p.lat, p.lon, "place", () => placePopup(p), "place " + (p.name || p.text)));
      if (!data.events.length) points.push([p.lat, p.lon]);
    }
    places.addTo(map);
    events.addTo(map);
    L.control.layers(null, { "Events (E)": events, "Places (P)": places }, { collapsed: false }).addTo(map);
    // the map says when it has settled on the data (tests and scripts click markers only then:
    // a click during the zoom animation lands on a marker the clusters are about to redraw)
    const settled = () => { el.dataset.ready = "1"; };
    if (points.length) {
      map.once("moveend", settled);
      map.fitBounds(points, { padding: [30, 30], maxZoom: 6 });
    } else {
      settled();
    }
    el.dataset.events = String(data.events.length);
    el.dataset.places = String(data.places.length);
    status.textContent = data.events.length + " events and " + data.places.length + " places drawn" +
      (data.capped ? " (capped: narrow the filters to see the rest)" : "") + ".";
  }).catch((err) => { status.textContent = "The map data could not be loaded: " + err.message; });
})();
