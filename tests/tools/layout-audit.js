// Layout audit, run in the page by tests/test_layout.py. Returns a list of problems (Norwegian
// text with the element at fault), empty when the page holds together:
// - the page does not scroll sideways (WCAG 2.1, 1.4.10 Reflow); wide tables and charts may
//   scroll inside their own box;
// - component lists (cards, tags, tiles, key figures, chips) have no list markers or indents,
//   card lists are grids and tag lists are rows;
// - a row of tags that fits its box stays on one line;
// - table captions sit at the start of their table, not floating over the middle.
() => {
  const problems = [];
  const root = document.documentElement;
  const viewport = root.clientWidth;

  const shown = (el) => el.getClientRects().length > 0 && !el.closest("[hidden]");
  const describe = (el) => {
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls;
  };
  const scrollsItself = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow === "auto" || overflow === "scroll" || overflow === "hidden" || overflow === "clip") {
        return true;
      }
    }
    return false;
  };

  if (root.scrollWidth > viewport) {
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => shown(el) && el.getBoundingClientRect().right > viewport + 1 && !scrollsItself(el)
        && getComputedStyle(el).position !== "fixed")
      .slice(0, 5).map(describe);
    problems.push(`siden ruller sidelengs: ${root.scrollWidth} px i et vindu på ${viewport} px (${culprits.join(", ")})`);
  }

  for (const list of document.querySelectorAll(".md-typeset ul.th-bare, .md-typeset ol.th-bare")) {
    if (!shown(list)) continue;
    const style = getComputedStyle(list);
    if (parseFloat(style.paddingLeft) > 0 || parseFloat(style.marginLeft) > 0) {
      problems.push(`${describe(list)} er rykket inn`);
    }
    for (const item of list.children) {
      const s = getComputedStyle(item);
      if (s.display === "list-item" && s.listStyleType !== "none") {
        problems.push(`${describe(list)} > ${describe(item)} har punkttegn (${s.listStyleType})`);
      }
      if (parseFloat(s.marginLeft) > 0) {
        problems.push(`${describe(list)} > ${describe(item)} har marg til venstre (${s.marginLeft})`);
      }
    }
  }

  const expectDisplay = { "ul.th-cards": "grid", "ul.th-tags": "flex", "ul.th-tiles": "grid", "ul.th-keyfigures": "grid" };
  for (const [selector, display] of Object.entries(expectDisplay)) {
    for (const el of document.querySelectorAll(".md-typeset " + selector)) {
      if (shown(el) && getComputedStyle(el).display !== display) {
        problems.push(`${describe(el)} har display: ${getComputedStyle(el).display}, ventet ${display}`);
      }
    }
  }

  for (const tags of document.querySelectorAll(".md-typeset ul.th-tags")) {
    if (!shown(tags)) continue;
    const items = [...tags.children];
    const gap = parseFloat(getComputedStyle(tags).columnGap) || 0;
    const needed = items.reduce((sum, item) => sum + item.getBoundingClientRect().width, 0) + gap * (items.length - 1);
    const tops = new Set(items.map((item) => Math.round(item.getBoundingClientRect().top)));
    if (needed <= tags.clientWidth && tops.size > 1) {
      problems.push(`${describe(tags)} bryter over ${tops.size} linjer selv om den får plass på én`);
    }
  }

  for (const caption of document.querySelectorAll(".md-typeset caption")) {
    if (!shown(caption)) continue;
    const table = caption.closest("table").getBoundingClientRect();
    const text = document.createRange();
    text.selectNodeContents(caption);
    const box = text.getBoundingClientRect();
    if (box.left - table.left > 24) {
      problems.push(`tabelltittelen «${caption.textContent.trim()}» står ${Math.round(box.left - table.left)} px inn i tabellen`);
    }
  }
  return problems;
}
