// Contrast of one element's text against what lies behind it, as computed now (a forced
// :hover, :focus or :active state included). Returns [ratio, needed, description] or null
// when the element shows no text.
(index) => {
  const el = document.querySelector(`[data-th-probe="${index}"]`);
  if (!el || !el.getClientRects().length || !el.textContent.trim()) return null;
  const canvas = document.createElement("canvas").getContext("2d");
  const rgba = (value) => {
    canvas.fillStyle = "#000";
    canvas.fillStyle = value;
    const text = canvas.fillStyle;
    if (text.startsWith("#")) {
      const n = parseInt(text.slice(1), 16);
      return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
    }
    const parts = text.match(/[\d.]+/g).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, below) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + below[i] * (1 - a)).concat([1]);
  };
  const layers = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] >= 1) break;
  }
  let behind = [255, 255, 255, 1];
  for (const layer of layers.reverse()) behind = over(layer, behind);
  const style = getComputedStyle(el);
  let opacity = 1;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    opacity *= parseFloat(getComputedStyle(node).opacity);
  }
  if (opacity === 0) return null;  // not shown in this state
  const ink = rgba(style.color);
  const text = over([ink[0], ink[1], ink[2], ink[3] * opacity], behind);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(text), lum(behind)].sort((x, y) => y - x);
  const size = parseFloat(style.fontSize);
  const bold = parseInt(style.fontWeight, 10) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  const name = (el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
    ? "." + el.className.trim().split(/\s+/).join(".") : "")) + " «" +
    el.textContent.trim().slice(0, 30) + "»";
  return [(a + 0.05) / (b + 0.05), large ? 3 : 4.5, name];
}
