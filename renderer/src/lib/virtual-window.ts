// Which rows of a very long table to draw for a scroll position. Browsers cap an element's height (about 33
// million pixels in Chromium), so past `maxHeight` the scroll bar maps proportionally onto the rows.

export interface RowWindow {
  /** index of the first row to draw */
  first: number;
  /** how many rows to draw from there */
  count: number;
  /** pixels from the top of the scroll area where the first drawn row goes */
  offset: number;
  /** height of the scroll area */
  totalHeight: number;
}

export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowCount: number,
  rowHeight: number,
  maxHeight = 8_000_000,
  overscan = 4,
): RowWindow {
  const natural = rowCount * rowHeight;
  const totalHeight = Math.min(natural, maxHeight);
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  if (rowCount === 0) return { first: 0, count: 0, offset: 0, totalHeight: 0 };
  // the row at the top of the viewport; in a compressed scroll range a fractional one, so that scrolling is smooth
  // and at the very bottom the last row ends exactly at the viewport's lower edge
  let topExact: number;
  if (natural <= maxHeight) {
    topExact = Math.floor(Math.max(0, scrollTop) / rowHeight);
  } else {
    const scrollRange = Math.max(1, totalHeight - viewportHeight);
    const fraction = Math.min(1, Math.max(0, scrollTop / scrollRange));
    topExact = fraction * Math.max(0, rowCount - viewportHeight / rowHeight);
  }
  const top = Math.min(Math.floor(topExact), rowCount - 1);
  const first = Math.max(0, top - overscan);
  const count = Math.min(rowCount - first, visible + 2 * overscan);
  // where the first drawn row goes, so that row `topExact` sits at the top of the viewport
  const offset = natural <= maxHeight ? first * rowHeight : scrollTop - (topExact - first) * rowHeight;
  return { first, count, offset, totalHeight };
}
