/* Tiltakshefte: page behaviours that run on every page, also after Material's
   instant navigation (document$ emits each time a page is shown).

   Charts: each [data-chart] figure holds its Plotly figure as JSON. Plotly is
   loaded from our own files only when a chart comes near the screen, charts are
   drawn one at a time (one task each, so the page stays responsive), with colours
   from the site palette, and redrawn when light/dark mode changes. Until a chart
   is drawn, its reserved space and its data table are there.

   A chart names the Plotly bundle it needs (the basic one for charts, the geo one
   for the map of the pilots). Each bundle defines window.Plotly, so every chart
   keeps the Plotly of its own bundle. */
(function () {
  "use strict";

  var bundles = {};
  var queue = Promise.resolve();
  var observer = null;
  var LIGHT = ["#c2410c", "#15803d", "#7e22ce", "#0e7490", "#be185d"];
  var DARK = ["#fdba74", "#86efac", "#d8b4fe", "#67e8f9", "#f9a8d4"];

  function onPage(callback) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(callback);
    } else {
      document.addEventListener("DOMContentLoaded", callback);
    }
  }

  function loadPlotly(src) {
    var url = new URL(src, window.location.href).href;
    if (!bundles[url]) {
      bundles[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.async = true;
        /* The load event comes right after the bundle ran, so window.Plotly is still this
           bundle's. Resolve in a later task, so that Plotly's start-up and the first
           drawing are two shorter tasks rather than one long one. */
        script.onload = function () {
          var plotly = window.Plotly;
          setTimeout(function () { resolve(plotly); }, 0);
        };
        script.onerror = function () {
          delete bundles[url];
          reject(new Error("Kunne ikke laste diagrambiblioteket"));
        };
        document.head.appendChild(script);
      });
    }
    return bundles[url];
  }

  function themed(figure, width) {
    var style = getComputedStyle(document.body);
    var read = function (name) { return style.getPropertyValue(name).trim(); };
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    var layout = JSON.parse(JSON.stringify(figure.layout));
    var fg = read("--md-default-fg-color") || (dark ? "#e2e4e9" : "#000000de");
    var grid = read("--md-default-fg-color--lightest") || "#0000001f";
    layout.colorway = [read("--md-typeset-a-color") || "#4051b5"].concat(dark ? DARK : LIGHT);
    layout.paper_bgcolor = "rgba(0,0,0,0)";
    layout.plot_bgcolor = "rgba(0,0,0,0)";
    layout.font = Object.assign({}, layout.font, { color: fg, family: style.fontFamily });
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({}, layout[axis], {
        gridcolor: grid, zerolinecolor: grid, linecolor: grid, tickcolor: grid
      });
    });
    if (layout.geo) {
      themeMap(layout, read, fg, grid);
    }
    layout.autosize = true;
    wrapCategories(figure, layout, width);
    wrapAxisTitle(layout.xaxis, width);
    return layout;
  }

  /* The figure is drawn at the height its element keeps for it (set from the figure when
     the page is built, or by the style sheet for the map on a narrow screen), so the page
     does not move when the chart appears. */
  function fitHeight(layout, plot) {
    if (plot.clientHeight > 0) {
      layout.height = plot.clientHeight;
    }
    return layout;
  }

  /* The map: land, sea and borders from the palette, in light and dark mode alike. */
  function themeMap(layout, read, fg, grid) {
    var sea = read("--md-accent-fg-color--transparent") || "rgba(64,81,181,0.1)";
    var border = read("--md-default-fg-color--lighter") || fg;
    layout.geo = Object.assign({}, layout.geo, {
      bgcolor: "rgba(0,0,0,0)", landcolor: grid, oceancolor: sea, lakecolor: sea,
      countrycolor: border, coastlinecolor: border
    });
  }

  /* Map points get an outline in the page's background colour, so that they stand out
     from the land and from each other. */
  function themedData(figure, width) {
    var bg = getComputedStyle(document.body).getPropertyValue("--md-default-bg-color").trim();
    return figure.data.map(function (trace) {
      if (trace.type !== "scattergeo") {
        return trace;
      }
      var marker = Object.assign({}, trace.marker);
      marker.line = Object.assign({}, marker.line, { color: bg || "#ffffff" });
      /* Long pilot names in the legend are broken into lines on a narrow screen. */
      var name = width && width < 600 ? wrap(trace.name, Math.floor(width / 8)) : trace.name;
      return Object.assign({}, trace, { marker: marker, name: name });
    });
  }

  /* A point that carries a link (the map's municipalities) opens its page when chosen.
     Keyboard and screen reader users have the same links in the list on the page. */
  function followLinks(plot) {
    plot.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      if (!point || typeof point.customdata !== "string") {
        return;
      }
      var target = new URL(point.customdata, window.location.href);
      if (target.origin === window.location.origin) {
        window.location.assign(target.href);
      }
    });
    plot.on("plotly_hover", function () { plot.classList.add("th-chart__plot--pointing"); });
    plot.on("plotly_unhover", function () {
      plot.classList.remove("th-chart__plot--pointing");
    });
  }

  /* On a narrow screen, long category labels would leave no room for the plot:
     break them into lines (Plotly draws <br> in tick labels as a line break). */
  function wrapCategories(figure, layout, width) {
    if (!width || width >= 600) {
      return;
    }
    ["x", "y"].forEach(function (letter) {
      var values = [];
      figure.data.forEach(function (trace) {
        (trace[letter] || []).forEach(function (v) {
          if (v !== null && v !== undefined && values.indexOf(v) < 0) { values.push(v); }
        });
      });
      if (!values.length || values.some(function (v) { return typeof v !== "string"; })) {
        return;
      }
      var share = letter === "y" ? width * 0.4 : width / values.length;
      var limit = Math.max(8, Math.floor(share / 7));
      /* A row of a horizontal chart has room for three lines of label (see _ROW in
         generator/charts): a longer label takes a wider column rather than a fourth line
         that would run into the next row's label. */
      while (letter === "y" && values.some(function (v) { return lines(v, limit) > 3; })) {
        limit += 1;
      }
      var axis = letter + "axis";
      layout[axis] = Object.assign({}, layout[axis], {
        tickmode: "array", tickvals: values,
        ticktext: values.map(function (v) { return wrap(v, limit); })
      });
    });
  }

  /* The horizontal axis's title is as wide as the chart at most: on a phone a long one
     («Prosent som svarte i noen eller stor grad») is broken into lines, not cut off. */
  function wrapAxisTitle(axis, width) {
    var title = axis && axis.title;
    if (!width || width >= 600 || !title || typeof title.text !== "string") {
      return;
    }
    /* Centred on the plot area, which the category labels narrow to about two thirds. */
    axis.title = Object.assign({}, title, { text: wrap(title.text, Math.floor(width / 11)) });
  }

  function lines(text, limit) {
    return wrap(text, limit).split("<br>").length;
  }

  function wrap(text, limit) {
    var lines = [];
    var line = "";
    String(text).split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > limit) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    });
    lines.push(line);
    return lines.join("<br>");
  }

  function draw(container) {
    var plot = container.querySelector(".th-chart__plot");
    var data = container.querySelector("template.th-chart__figure");
    if (!plot || !data || plot.getAttribute("data-rendered") === "yes") {
      return Promise.resolve();
    }
    var figure = JSON.parse(data.content.textContent);
    return loadPlotly(plot.getAttribute("data-plotly-src")).then(function (Plotly) {
      plot.figure = figure;
      plot.plotly = Plotly;
      return Plotly.newPlot(plot, themedData(figure, plot.clientWidth),
                            fitHeight(themed(figure, plot.clientWidth), plot),
                            config(plot)).then(function () {
        if (plot.hasAttribute("data-links")) {
          followLinks(plot);
        }
        plot.setAttribute("data-rendered", "yes");
      });
    });
  }

  function config(plot) {
    var options = { displayModeBar: false, responsive: true, scrollZoom: false };
    var topojson = plot.getAttribute("data-topojson-url");
    if (topojson) {
      /* Our own copy of the map data; Plotly would otherwise fetch it from its CDN. */
      options.topojsonURL = new URL(topojson.replace(/\/?$/, "/"), window.location.href).href;
    }
    return options;
  }

  function redrawAll() {
    document.querySelectorAll(".th-chart__plot[data-rendered=yes]").forEach(function (plot) {
      plot.plotly.react(plot, themedData(plot.figure, plot.clientWidth),
                        fitHeight(themed(plot.figure, plot.clientWidth), plot), config(plot));
    });
  }

  function nextTask() {
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  /* Draw charts in turn, each in a task of its own. */
  function schedule(container) {
    queue = queue.then(nextTask).then(function () {
      return draw(container);
    }).catch(function (error) {
      container.classList.add("th-chart--failed");
      console.warn(error.message);
    });
  }

  /* A chart marked data-chart-on-demand (the interactive map, with its large bundle) is
     drawn only when the reader asks for it; until then the page shows its static picture. */
  function offerOnDemand(container) {
    var wrap = container.querySelector("[data-chart-open-wrap]");
    var button = container.querySelector("[data-chart-open]");
    var plot = container.querySelector(".th-chart__plot");
    if (!wrap || !button || !plot || button.getAttribute("data-ready") === "yes") {
      return;
    }
    button.setAttribute("data-ready", "yes");
    wrap.hidden = false;
    button.addEventListener("click", function () {
      var still = container.querySelector("[data-map-still]");
      plot.hidden = false;
      if (still) {
        still.hidden = true;
      }
      wrap.hidden = true;
      plot.setAttribute("tabindex", "-1");
      plot.focus();
      schedule(container);
    });
  }

  onPage(function () {
    document.querySelectorAll("[data-chart][data-chart-on-demand]").forEach(offerOnDemand);
    var containers = document.querySelectorAll("[data-chart]:not([data-chart-on-demand])");
    if (observer) {
      observer.disconnect();
      observer = null;
    }
    if (!("IntersectionObserver" in window)) {
      containers.forEach(schedule);
      return;
    }
    observer = new IntersectionObserver(function (entries, self) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          self.unobserve(entry.target);
          schedule(entry.target);
        }
      });
    }, { rootMargin: "200px 0px" });
    containers.forEach(function (container) { observer.observe(container); });
  });

  new MutationObserver(redrawAll).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"]
  });

  /* Print writes out the address after a link that leaves the site (see the print rules
     in tiltakshefte.css), never after the site's own links. Material makes every href
     absolute, so the test is the link's host, not how its href is written. */
  onPage(function () {
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      if (link.host && link.host !== window.location.host) {
        link.setAttribute("data-print-href", link.href);
      }
    });
  });

  /* A table wider than its frame: the frame can be scrolled with the keyboard, is named by
     the table's caption, and a line above the table says that it scrolls. Checked again
     when the window changes size (a phone turned on its side). */
  function markScrollingTables() {
    document.querySelectorAll(".th-table-wrap").forEach(function (wrap) {
      var table = wrap.querySelector("table");
      var scrolls = table && table.getBoundingClientRect().width > wrap.clientWidth + 3;
      var hint = wrap.previousElementSibling;
      var hasHint = hint && hint.classList.contains("th-table-hint");
      if (scrolls && !hasHint) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabell");
        hint = document.createElement("p");
        hint.className = "th-table-hint";
        hint.textContent = "Tabellen er bredere enn skjermen: sveip eller rull sidelengs " +
          "for å se alle kolonnene.";
        wrap.parentNode.insertBefore(hint, wrap);
      } else if (!scrolls && hasHint) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        hint.remove();
      }
    });
  }

  onPage(markScrollingTables);
  document.addEventListener("toggle", markScrollingTables, true);  // a table in <details>
  window.addEventListener("resize", function () {
    window.requestAnimationFrame(markScrollingTables);
  });

  window.tiltakshefte = { onPage: onPage };
})();
