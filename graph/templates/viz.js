(function () {
  "use strict";
  // All data comes from the JSON block (the pyvis Network's nodes, edges and options, and
  // the view's meta) and reaches the DOM only through textContent, .value or
  // vis-network's canvas labels: never innerHTML.
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var meta = data.meta;
  // what the page itself reads from nodes and edges; not handed to vis-network
  var OWN_KEYS = ["info", "name", "kind", "contacts", "counts", "evidence", "structural", "type", "title"];
  var FADED = "#e2e8f0";
  var t0 = performance.now();

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  var byNode = {};
  data.nodes.forEach(function (n) { byNode[n.id] = n; });
  var byEdge = {};
  data.edges.forEach(function (e) { byEdge[e.id] = e; });
  var incident = {};
  data.edges.forEach(function (e) {
    (incident[e.from] = incident[e.from] || []).push(e.id);
    (incident[e.to] = incident[e.to] || []).push(e.id);
  });

  function nodeColor(n) {
    if (typeof n.color === "string") return n.color;  // set by pyvis's add_node
    return (meta.node_styles[n.kind] || { color: "#4a5568" }).color;
  }
  function nodeStyle(n) {
    var c = nodeColor(n);
    return { background: c, border: "#2d3748", highlight: { background: c, border: "#1a202c" }, hover: { background: c, border: "#1a202c" } };
  }
  // an edge's colour: its own when one was set on the Network, else its type's
  function edgeColor(e, type) {
    if (typeof e.color === "string") return e.color;
    return meta.edge_colors[type] || "#a0aec0";
  }
  function visItem(item, overrides) {
    var out = {};
    Object.keys(item).forEach(function (k) { if (OWN_KEYS.indexOf(k) < 0) out[k] = item[k]; });
    Object.keys(overrides).forEach(function (k) { out[k] = overrides[k]; });
    return out;
  }

  var filters = {
    types: new Set(meta.types),
    from: meta.years ? meta.years[0] : null,
    to: meta.years ? meta.years[1] : null,
    undated: true
  };

  // visible contact count of an edge under the filters, and its dominant visible type
  function visible(e) {
    if (!e.counts) return [1, e.type || null];  // added to the Network by hand: always shown
    if (e.structural) return filters.types.has(e.type) ? [1, e.type] : [0, e.type];
    var n = 0, best = null, per = {};
    e.counts.forEach(function (c) {
      var t = c[0], y = c[1], k = c[2];
      if (!filters.types.has(t)) return;
      if (y === null) { if (!filters.undated) return; }
      else if (filters.from !== null && (y < filters.from || y > filters.to)) return;
      n += k;
      per[t] = (per[t] || 0) + k;
      if (best === null || per[t] > per[best]) best = t;
    });
    return [n, best];
  }
  function width(n) { return Math.min(1 + 2 * Math.log2(Math.max(n, 1)), 12); }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return visItem(n, { color: nodeStyle(n) });
  }));
  data.edges.forEach(function (e, i) { if (e.id === undefined) e.id = "edge" + i; });
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var v = visible(e);
    return visItem(e, {
      width: width(v[0]),
      color: { color: edgeColor(e, v[1]), highlight: "#1a202c", hover: "#1a202c", inherit: false },
      dashes: !!e.structural, hidden: v[0] === 0
    });
  }));

  var options = data.options;  // the Network's options (graph/viz.py: vis_options)

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var api = window.dipgraph = {
    data: data, network: network, nodes: nodes, edges: edges, filters: filters,
    stabilized: false, stabilizationMs: null
  };

  var overlay = document.getElementById("overlay");
  function freeze() {
    if (api.stabilized) return;
    network.setOptions({ physics: { enabled: false } });
    api.stabilized = true;
    api.stabilizationMs = performance.now() - t0;
    overlay.className = "done";
    network.fit();
  }
  api.constructedMs = performance.now() - t0;
  network.once("startStabilizing", function () { api.layoutStartMs = performance.now() - t0; });
  network.on("stabilizationProgress", function (p) {
    overlay.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", freeze);
  network.once("stabilized", freeze);
  if (data.nodes.length === 0) freeze();

  // -- side panel ----------------------------------------------------------------------
  document.getElementById("title").textContent = data.heading;
  var counts = document.getElementById("counts");
  function updateCounts() {
    var ve = edges.get({ filter: function (e) { return !e.hidden; } }).length;
    var vn = nodes.get({ filter: function (n) { return !n.hidden; } }).length;
    counts.textContent = vn + " of " + data.nodes.length + " nodes, " + ve + " of " + data.edges.length + " edges (" + meta.projection + " view)";
    api.visibleEdges = ve;
    api.visibleNodes = vn;
  }
  if (meta.truncated) {
    document.getElementById("notice").textContent = "Showing the " + meta.nodes + " most connected of " + meta.total_nodes + " nodes (--max-nodes).";
  }

  var edgeLegend = document.getElementById("edge-legend");
  meta.types.forEach(function (t) {
    var row = el("label", "row");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = t; box.id = "type-" + t;
    box.className = "type-toggle";
    box.addEventListener("change", function () {
      if (box.checked) filters.types.add(t); else filters.types.delete(t);
      applyFilters();
    });
    var sw = el("span", "swatch edge");
    sw.style.background = meta.edge_colors[t];
    var n = 0;
    data.edges.forEach(function (e) { (e.counts || []).forEach(function (c) { if (c[0] === t) n += c[2]; }); });
    row.appendChild(box); row.appendChild(sw); row.appendChild(el("span", "", t)); row.appendChild(el("span", "muted", "(" + n + ")"));
    edgeLegend.appendChild(row);
  });
  var nodeLegend = document.getElementById("node-legend");
  meta.kinds.forEach(function (k) {
    var s = meta.node_styles[k];
    var row = el("div", "row");
    var sw = el("span", "swatch " + s.shape);
    if (s.shape === "triangle") sw.style.borderBottomColor = s.color; else sw.style.background = s.color;
    var n = data.nodes.filter(function (x) { return x.kind === k; }).length;
    row.appendChild(sw); row.appendChild(el("span", "", k)); row.appendChild(el("span", "muted", "(" + n + ")"));
    nodeLegend.appendChild(row);
  });

  var yf = document.getElementById("year-from"), yt = document.getElementById("year-to");
  var yfl = document.getElementById("year-from-label"), ytl = document.getElementById("year-to-label");
  if (meta.years) {
    [yf, yt].forEach(function (r) { r.min = meta.years[0]; r.max = meta.years[1]; r.step = 1; });
    yf.value = meta.years[0]; yt.value = meta.years[1];
  } else {
    document.getElementById("years").replaceChildren(el("div", "muted", "no dated contacts"), document.getElementById("undated").parentNode);
  }
  function readYears(changed) {
    if (!meta.years) return;
    var a = parseInt(yf.value, 10), b = parseInt(yt.value, 10);
    if (a > b) { if (changed === yf) yt.value = b = a; else yf.value = a = b; }
    filters.from = a; filters.to = b;
    yfl.textContent = a; ytl.textContent = b;
  }
  [yf, yt].forEach(function (r) { r.addEventListener("input", function () { readYears(r); applyFilters(); }); });
  document.getElementById("undated").addEventListener("change", function (ev) { filters.undated = ev.target.checked; applyFilters(); });
  readYears(null);

  // -- filters -------------------------------------------------------------------------
  var highlighted = null;
  function applyFilters() {
    var eu = [], live = {};
    data.edges.forEach(function (e) {
      var v = visible(e), hide = v[0] === 0;
      if (!hide) { live[e.from] = true; live[e.to] = true; }
      var faded = highlighted && !(highlighted.edges.has(e.id));
      eu.push({ id: e.id, hidden: hide, width: width(v[0]), color: { color: faded ? FADED : edgeColor(e, v[1]), highlight: "#1a202c", hover: "#1a202c", inherit: false } });
    });
    edges.update(eu);
    var nu = data.nodes.map(function (n) {
      var hide = (incident[n.id] || []).length > 0 && !live[n.id];
      var faded = highlighted && !highlighted.nodes.has(n.id);
      return { id: n.id, hidden: hide, color: faded ? { background: FADED, border: "#cbd5e0" } : nodeStyle(n), font: { color: faded ? "#a0aec0" : "#1a202c" } };
    });
    nodes.update(nu);
    updateCounts();
  }
  api.applyFilters = applyFilters;
  api.setTypes = function (types) { filters.types = new Set(types); document.querySelectorAll(".type-toggle").forEach(function (b) { b.checked = filters.types.has(b.value); }); applyFilters(); };
  api.setYears = function (a, b) { yf.value = a; yt.value = b; readYears(null); applyFilters(); };
  api.visibleEdgeIds = function () { return edges.getIds({ filter: function (e) { return !e.hidden; } }); };
  api.visibleNodeIds = function () { return nodes.getIds({ filter: function (n) { return !n.hidden; } }); };

  // -- search with neighbour highlight -------------------------------------------------
  var search = document.getElementById("search"), result = document.getElementById("search-result");
  var names = document.getElementById("search-names");
  data.nodes.slice(0, 5000).forEach(function (n) { var o = el("option"); o.value = n.label; names.appendChild(o); });
  function norm(s) { return String(s || "").toLowerCase(); }
  function find(q) {
    q = norm(q).trim();
    if (!q) return null;
    var exact = null, part = null;
    for (var i = 0; i < data.nodes.length; i++) {
      var n = data.nodes[i];
      if (norm(n.id) === q || norm(n.label) === q || norm(n.name) === q) { exact = n; break; }
      if (!part && (norm(n.label).indexOf(q) >= 0 || norm(n.name).indexOf(q) >= 0)) part = n;
    }
    return exact || part;
  }
  function highlight(id) {
    if (id === null) { highlighted = null; network.unselectAll(); applyFilters(); result.textContent = ""; return null; }
    var nb = new Set(network.getConnectedNodes(id)); nb.add(id);
    var es = new Set(network.getConnectedEdges(id));
    highlighted = { nodes: nb, edges: es };
    applyFilters();
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    result.textContent = byNode[id].label + ": " + (nb.size - 1) + " neighbours";
    return { id: id, neighbours: Array.from(nb).filter(function (x) { return x !== id; }) };
  }
  api.search = function (q) { var n = find(q); return n ? highlight(n.id) : (highlight(null), null); };
  api.clearSearch = function () { search.value = ""; highlight(null); };
  api.highlighted = function () { return highlighted ? { nodes: Array.from(highlighted.nodes), edges: Array.from(highlighted.edges) } : null; };
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { if (!api.search(search.value)) result.textContent = "no match"; } });
  search.addEventListener("change", function () { if (search.value) api.search(search.value); });
  document.getElementById("search-clear").addEventListener("click", api.clearSearch);

  // -- tooltips (DOM built with textContent) ------------------------------------------
  var tip = document.getElementById("tooltip");
  function kv(box, k, v) { var d = el("div", "kv"); d.appendChild(el("b", "", k + ": ")); d.appendChild(el("span", "", v)); box.appendChild(d); }
  function evidenceBlock(box, ev, dates) {
    var d = el("div", "ev");
    d.appendChild(el("div", "", dates ? dates.join(", ") : "[" + ev.type + "] " + (ev.date || "undated")));
    d.appendChild(el("div", "sentence", "\u201c" + ev.sentence + "\u201d"));
    var src = [];
    if (ev.release_id) src.push("release " + String(ev.release_id).slice(0, 12));
    if (ev.event_id) src.push(String(ev.event_id));
    if (src.length) d.appendChild(el("div", "muted", src.join(" \u00b7 ")));
    box.appendChild(d);
  }
  function nodeTip(id) {
    var n = byNode[id], box = el("div");
    box.appendChild(el("div", "head", n.name || n.label));
    (n.info || []).forEach(function (p) { kv(box, p[0], p[1]); });
    kv(box, "links", (incident[id] || []).length);
    return box;
  }
  function endLabel(id) {
    var n = byNode[id]; if (!n) return id;
    var role = null;
    (n.info || []).forEach(function (p) { if (p[0] === "role") role = p[1]; });
    return (n.name || n.label) + (role ? " (" + role + ")" : "");
  }
  function edgeTip(id) {
    var e = byEdge[id], box = el("div"), v = visible(e);
    box.appendChild(el("div", "head", endLabel(e.from) + " \u2014 " + endLabel(e.to)));
    if (e.structural || !e.counts) kv(box, "type", e.type);
    else {
      kv(box, "contacts", v[0] + (v[0] !== sumCounts(e) ? " of " + sumCounts(e) : ""));
      var per = {};
      e.counts.forEach(function (c) { var k = c[0] + " " + (c[1] === null ? "undated" : c[1]); per[k] = (per[k] || 0) + c[2]; });
      kv(box, "by type and year", Object.keys(per).map(function (k) { return k + ": " + per[k]; }).join(", "));
    }
    (e.info || []).forEach(function (p) { kv(box, p[0], p[1]); });
    // one block per distinct sentence, with every date it stands for
    var groups = [], seen = {};
    (e.evidence || []).forEach(function (ev) {
      var g = seen[ev.sentence];
      if (!g) { g = seen[ev.sentence] = { ev: ev, dates: [] }; groups.push(g); }
      g.dates.push(ev.type + " " + (ev.date || "undated"));
    });
    groups.forEach(function (g) { evidenceBlock(box, g.ev, g.dates); });
    return box;
  }
  function sumCounts(e) { return (e.counts || []).reduce(function (s, c) { return s + c[2]; }, 0); }
  function showTip(content, pointer) {
    tip.replaceChildren(content);
    tip.style.display = "block";
    var r = container.getBoundingClientRect();
    var x = r.left + pointer.DOM.x + 14, y = r.top + pointer.DOM.y + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) x = Math.max(4, window.innerWidth - w - 4);
    if (y + h > window.innerHeight - 4) y = Math.max(4, r.top + pointer.DOM.y - h - 10);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hideTip() { tip.style.display = "none"; tip.replaceChildren(); }
  network.on("hoverNode", function (p) { showTip(nodeTip(p.node), p.pointer); });
  network.on("hoverEdge", function (p) { showTip(edgeTip(p.edge), p.pointer); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  api.tooltipText = function () { return tip.style.display === "none" ? null : tip.textContent; };
  api.nodeTooltip = function (id) { return nodeTip(id).textContent; };
  api.edgeTooltip = function (id) { return edgeTip(id).textContent; };
  api.domPosition = function (id) {
    var p = network.getPositions([id])[id], d = network.canvasToDOM(p), r = container.getBoundingClientRect();
    return { x: r.left + d.x, y: r.top + d.y };
  };

  updateCounts();
})();
