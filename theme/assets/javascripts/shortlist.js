/* Tiltakshefte: «Min liste» and «Lag plan».

   The list is an ordered list of measure ids, kept in localStorage and, on the list and
   plan pages, in the address (tiltak/liste/?t=id,id), so that it survives a reload and a
   link to it can be sent. A «Legg til i min liste» button ([data-shortlist]) on cards and
   measure pages toggles one id; its state is aria-pressed, and each change is announced.

   The list and plan pages fetch one small JSON file per chosen measure (data/liste/<id>.json),
   so that no page carries the whole catalogue. Every text from those files goes into the
   page as text (textContent), never as HTML. */
(function () {
  "use strict";

  var KEY = "tiltakshefte.minliste";
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  function clean(ids) {
    var seen = {};
    return ids.filter(function (id) {
      var ok = ID.test(id) && !seen[id];
      seen[id] = true;
      return ok;
    });
  }

  function stored() {
    try {
      var value = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(value) ? clean(value.map(String)) : [];
    } catch (error) {
      return [];
    }
  }

  function store(ids) {
    try {
      localStorage.setItem(KEY, JSON.stringify(ids));
    } catch (error) {
      /* Private mode or storage full: the address still holds the list on its pages. */
    }
  }

  /* On the list and plan pages the address wins, so a link that was sent opens that list. */
  function fromAddress() {
    var value = new URLSearchParams(location.search).get("t");
    return value === null ? null : clean(value.split(","));
  }

  function writeAddress(ids) {
    var query = ids.length ? "?t=" + ids.join(",") : "";
    history.replaceState(history.state, "", location.pathname + query + location.hash);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  /* One live region per page, inside the page content (so it sits in a landmark). */
  function announce(text) {
    var region = document.querySelector("[data-shortlist-live]");
    if (!region) {
      var host = document.querySelector(".md-content__inner") || document.body;
      region = el("p", "th-visually-hidden");
      region.setAttribute("role", "status");
      region.setAttribute("data-shortlist-live", "");
      host.appendChild(region);
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function count(n) {
    return n + " tiltak";
  }

  function syncButtons(ids) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-shortlist]"), function (b) {
      b.hidden = false;
      b.setAttribute("aria-pressed", ids.indexOf(b.getAttribute("data-shortlist")) >= 0 ?
        "true" : "false");
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-shortlist-link]"), function (a) {
      a.textContent = "Min liste" + (ids.length ? " (" + count(ids.length) + ")" : "");
      a.href = a.href.split("?")[0] + (ids.length ? "?t=" + ids.join(",") : "");
    });
  }

  function toggle(button) {
    var id = button.getAttribute("data-shortlist");
    var name = button.getAttribute("data-name") || id;
    var ids = stored();
    var at = ids.indexOf(id);
    if (at >= 0) {
      ids.splice(at, 1);
    } else {
      ids.push(id);
    }
    store(ids);
    syncButtons(ids);
    announce("«" + name + "» er " + (at >= 0 ? "fjernet fra" : "lagt til i") +
      " min liste. Lista har " + count(ids.length) + ".");
  }

  /* One listener for every button, also those a script draws later (paged catalogue). */
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-shortlist]");
    if (button) {
      toggle(button);
    }
  });

  function fetchEntries(base, ids) {
    return Promise.all(ids.map(function (id) {
      return fetch(base + id + ".json").then(function (response) {
        return response.ok ? response.json() : null;
      }).catch(function () { return null; });
    }));
  }


  /* ---------------------------------------------------------------- the list page */

  function link(root, url, text) {
    var a = el("a", null, text);
    a.href = root + url;
    return a;
  }

  function fact(dl, label, content) {
    var row = el("div", "th-shortlist__row");
    row.appendChild(el("dt", null, label));
    var dd = el("dd");
    if (typeof content === "string") {
      dd.textContent = content;
    } else {
      dd.appendChild(content);
    }
    row.appendChild(dd);
    dl.appendChild(row);
  }

  function items(tag, values, className) {
    var list = el(tag, className);
    values.forEach(function (value) {
      var li = el("li");
      if (typeof value === "string") {
        li.textContent = value;
      } else {
        li.appendChild(value);
      }
      list.appendChild(li);
    });
    return list;
  }

  function joined(root, entries) {
    var span = el("span");
    entries.forEach(function (entry, index) {
      span.appendChild(link(root, entry.url, entry.navn));
      if (index < entries.length - 1) {
        span.appendChild(document.createTextNode(", "));
      }
    });
    return span;
  }

  function tried(root, m) {
    if (!m.provd_i.length) {
      return "Ikke prøvd i pilotene";
    }
    var span = joined(root, m.provd_i);
    if (m.kommuner.length) {
      span.appendChild(document.createTextNode(" (" + m.kommuner.join(", ") + ")"));
    }
    return span;
  }

  function sources(root, m) {
    return items("ul", m.kilder.map(function (k) {
      var span = el("span");
      span.appendChild(link(root, k.url, k.navn));
      span.appendChild(document.createTextNode(", " + k.sted));
      return span;
    }), "th-shortlist__sources");
  }

  function resources(m) {
    return m.ressursbehov.navn + (m.ressursbehov.merknad ? ". " + m.ressursbehov.merknad : "");
  }

  function card(root, m, onRemove) {
    var article = el("article", "th-shortlist__item");
    article.setAttribute("data-measure", m.id);
    var heading = el("h2", "th-shortlist__title");
    heading.id = "liste-" + m.id;
    heading.appendChild(link(root, m.url, m.navn));
    article.setAttribute("aria-labelledby", heading.id);
    article.appendChild(heading);
    article.appendChild(el("p", "th-shortlist__summary", m.sammendrag));
    var dl = el("dl", "th-shortlist__facts");
    fact(dl, "Mål", m.mal.join(", "));
    fact(dl, "Målgrupper", m.malgrupper.join(", "));
    var rating = link(root, "om/#slik-vurderer-vi", m.kunnskapsgrunnlag.navn);
    fact(dl, "Kunnskapsgrunnlag", rating);
    fact(dl, "Ressursbehov", resources(m));
    fact(dl, "Hvor prøvd", tried(root, m));
    if (m.kom_i_gang.length) {
      fact(dl, "Slik kommer du i gang", items("ol", m.kom_i_gang));
    }
    fact(dl, "Kilder", sources(root, m));
    article.appendChild(dl);
    var remove = el("button", "th-button th-button--quiet th-shortlist__remove",
      "Fjern fra lista");
    remove.type = "button";
    remove.appendChild(el("span", "th-visually-hidden", ": " + m.navn));
    remove.addEventListener("click", function () { onRemove(m); });
    article.appendChild(remove);
    return article;
  }

  function csvField(value) {
    var text = String(value === undefined || value === null ? "" : value);
    return /[;"\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /* Semicolons, CRLF and a byte order mark: what Excel set up for Norwegian opens as columns
     with æ, ø and å intact. */
  function csv(entries) {
    var rows = [["Navn", "Kort beskrivelse", "Mål", "Målgrupper", "Kunnskapsgrunnlag",
      "Ressursbehov", "Hva det krever", "Prøvd i piloter", "Kommuner", "Slik kommer du i gang",
      "Fallgruver", "Kilder", "Adresse"]];
    entries.forEach(function (m) {
      rows.push([m.navn, m.sammendrag, m.mal.join(", "), m.malgrupper.join(", "),
        m.kunnskapsgrunnlag.navn, m.ressursbehov.navn, m.ressursbehov.merknad,
        m.provd_i.map(function (p) { return p.navn; }).join(", "), m.kommuner.join(", "),
        m.kom_i_gang.join(" | "), m.fallgruver.join(" | "),
        m.kilder.map(function (k) { return k.navn + ", " + k.sted; }).join(" | "),
        new URL(m.url, siteRoot()).href]);
    });
    return "\ufeff" + rows.map(function (row) {
      return row.map(csvField).join(";");
    }).join("\r\n") + "\r\n";
  }

  function siteRoot() {
    var page = document.querySelector("[data-root]");
    return new URL(page ? page.getAttribute("data-root") : "./", location.href).href;
  }

  function download(text, name) {
    var blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    var a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  /* The ids of the list and plan pages: the address if it has a list, else the stored one,
     which the address then shows. The shown list is also stored. */
  function pageIds() {
    var ids = fromAddress();
    if (ids === null) {
      ids = stored();
    }
    store(ids);
    writeAddress(ids);
    return ids;
  }

  function initListPage() {
    var page = document.querySelector("[data-shortlist-page]");
    if (!page || page.getAttribute("data-ready") === "yes") {
      return;
    }
    page.setAttribute("data-ready", "yes");
    page.hidden = false;
    document.querySelector("[data-shortlist-nojs]").hidden = true;
    var root = page.getAttribute("data-root");
    var holder = page.querySelector("[data-shortlist-items]");
    var status = page.querySelector("[data-shortlist-status]");
    var entries = [];

    function show(ids, message) {
      page.querySelector("[data-shortlist-empty]").hidden = ids.length > 0;
      page.querySelector("[data-shortlist-actions]").hidden = ids.length === 0;
      var query = "?" + (ids.length ? "t=" + ids.join(",") : "");
      page.querySelector("[data-shortlist-plan]").search = query;
      page.querySelector("[data-shortlist-compare]").search = ids.length ? "?m=" + ids.join(",") : "";
      page.querySelector("[data-shortlist-mail]").href = "mailto:?subject=" +
        encodeURIComponent("Min liste fra tiltaksheftet") + "&body=" +
        encodeURIComponent("Tiltakene jeg har valgt i Jobbvinners tiltakshefte:\n" +
          entries.map(function (m) { return "- " + m.navn; }).join("\n") + "\n\n" + location.href);
      page.querySelector("[data-shortlist-printnote]").textContent = ids.length ?
        "Lista på nett: " + location.href : "";
      status.textContent = message || (ids.length ? "Lista har " + count(ids.length) + "." : "");
      syncButtons(ids);
    }

    function remove(m) {
      entries = entries.filter(function (e) { return e.id !== m.id; });
      var ids = entries.map(function (e) { return e.id; });
      store(ids);
      writeAddress(ids);
      holder.querySelector('[data-measure="' + m.id + '"]').remove();
      show(ids, "«" + m.navn + "» er fjernet. Lista har " + count(ids.length) + ".");
      status.focus();
    }

    page.querySelector("[data-shortlist-print]").addEventListener("click", function () {
      window.print();
    });
    page.querySelector("[data-shortlist-csv]").addEventListener("click", function () {
      download(csv(entries), "min-liste-tiltak.csv");
    });
    page.querySelector("[data-shortlist-clear]").addEventListener("click", function () {
      entries = [];
      holder.textContent = "";
      store([]);
      writeAddress([]);
      show([], "Lista er tømt.");
      status.focus();
    });

    var ids = pageIds();
    show(ids, ids.length ? "Henter " + count(ids.length) + " …" : "");
    fetchEntries(page.getAttribute("data-data"), ids).then(function (found) {
      entries = found.filter(Boolean);
      var missing = ids.length - entries.length;
      ids = entries.map(function (e) { return e.id; });
      store(ids);
      writeAddress(ids);
      entries.forEach(function (m) { holder.appendChild(card(root, m, remove)); });
      show(ids, missing ? count(missing) + " på lista finnes ikke lenger og er tatt bort." : "");
      page.setAttribute("data-loaded", "yes");
    });
  }

  /* ---------------------------------------------------------------- the plan page */

  function fillField(label, lines) {
    var box = el("div", "th-plan__field");
    box.appendChild(el("p", "th-plan__label", label));
    box.appendChild(el("div", "th-plan__fill th-plan__fill--" + lines));
    return box;
  }

  function planMeasure(root, m, number) {
    var section = el("section", "th-plan__measure");
    var heading = el("h3", "th-plan__measure-title", "Tiltak " + number + ": ");
    heading.id = "plan-" + m.id;
    heading.appendChild(link(root, m.url, m.navn));
    section.setAttribute("aria-labelledby", heading.id);
    section.appendChild(heading);
    var dl = el("dl", "th-shortlist__facts");
    fact(dl, "Mål for tiltaket", m.mal.join(", ") + ". " + m.sammendrag);
    fact(dl, "Hva dere kan gjøre først",
      m.kom_i_gang.length ? items("ol", m.kom_i_gang) : "Tiltaksheftet har ingen steg for dette tiltaket.");
    fact(dl, "Ressursbehov", resources(m));
    if (m.fallgruver.length) {
      fact(dl, "Fallgruver", items("ul", m.fallgruver));
    }
    fact(dl, "Hvem har prøvd det", tried(root, m));
    fact(dl, "Kunnskapsgrunnlag", link(root, "om/#slik-vurderer-vi", m.kunnskapsgrunnlag.navn));
    fact(dl, "Kilder", sources(root, m));
    section.appendChild(dl);
    section.appendChild(fillField("Hvorfor dette tiltaket hos oss:", 3));
    section.appendChild(fillField("Ansvarlig, oppstart og frist:", 2));
    section.appendChild(fillField("Slik måler vi om det virker:", 3));
    return section;
  }

  function initPlanPage() {
    var page = document.querySelector("[data-plan-page]");
    if (!page || page.getAttribute("data-ready") === "yes") {
      return;
    }
    page.setAttribute("data-ready", "yes");
    var root = page.getAttribute("data-root");
    var print = document.querySelector("[data-plan-print]");
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
    var ids = pageIds();
    Array.prototype.forEach.call(document.querySelectorAll("[data-plan-list]"), function (a) {
      a.search = ids.length ? "?t=" + ids.join(",") : "";
    });
    fetchEntries(page.getAttribute("data-data"), ids).then(function (found) {
      var holder = page.querySelector("[data-plan-measures]");
      var entries = found.filter(Boolean);
      entries.forEach(function (m, index) { holder.appendChild(planMeasure(root, m, index + 1)); });
      page.querySelector("[data-plan-none]").hidden = entries.length > 0;
      page.querySelector("[data-plan-printnote]").textContent = entries.length ?
        "Planen på nett: " + location.href : "";
      page.setAttribute("data-loaded", "yes");
    });
  }

  /* A large catalogue draws its cards from a data file as the reader filters: their buttons
     are shown and given their state as they arrive. */
  function watchCatalogue() {
    var list = document.querySelector("[data-catalogue]");
    if (!list || !window.MutationObserver || list.hasAttribute("data-shortlist-watch")) {
      return;
    }
    list.setAttribute("data-shortlist-watch", "");
    new MutationObserver(function () { syncButtons(stored()); })
      .observe(list, { childList: true });
  }

  function init() {
    syncButtons(stored());
    watchCatalogue();
    initListPage();
    initPlanPage();
  }

  if (window.tiltakshefte) {
    window.tiltakshefte.onPage(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
