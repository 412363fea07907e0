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
  // the row at the top of the viewport
  let top: number;
  if (natural <= maxHeight) {
    top = Math.floor(Math.max(0, scrollTop) / rowHeight);
  } else {
    // the scroll range is compressed: the fraction scrolled picks the row
    const scrollRange = Math.max(1, totalHeight - viewportHeight);
    const fraction = Math.min(1, Math.max(0, scrollTop / scrollRange));
    top = Math.floor(fraction * Math.max(0, rowCount - visible + 1));
  }
  top = Math.min(top, rowCount - 1);
  const first = Math.max(0, top - overscan);
  const count = Math.min(rowCount - first, visible + 2 * overscan);
  // where the first drawn row goes, so that row `top` sits at the top of the viewport
  const offset = natural <= maxHeight ? first * rowHeight : scrollTop - (top - first) * rowHeight;
  return { first, count, offset, totalHeight };
}
