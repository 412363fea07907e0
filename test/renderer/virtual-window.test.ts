// Which rows the virtual table draws, for short tables and for a million rows.
import { describe, expect, it } from 'vitest';
import { visibleRows } from '../../renderer/src/lib/virtual-window';

describe('virtual table window', () => {
  it('draws the rows under the viewport plus a few either side', () => {
    // 28 px rows, 280 px viewport, scrolled to row 100
    const w = visibleRows(2800, 280, 768, 28, 8_000_000, 4);
    expect(w.first).toBe(96);
    expect(w.offset).toBe(96 * 28);
    expect(w.count).toBe(11 + 8);
    expect(w.totalHeight).toBe(768 * 28);
  });

  it('clamps at the top and the bottom', () => {
    expect(visibleRows(0, 280, 768, 28).first).toBe(0);
    const end = visibleRows(768 * 28 - 280, 280, 768, 28);
    expect(end.first + end.count).toBe(768);
  });

  it('maps a compressed scroll bar over a million rows onto every row', () => {
    const rows = 1_000_000;
    const maxHeight = 8_000_000;
    const top = visibleRows(0, 400, rows, 28, maxHeight, 0);
    expect(top.totalHeight).toBe(maxHeight);
    expect(top.first).toBe(0);
    const bottom = visibleRows(maxHeight - 400, 400, rows, 28, maxHeight, 0);
    expect(bottom.first + bottom.count).toBe(rows);
    // halfway down shows rows near the middle
    const middle = visibleRows((maxHeight - 400) / 2, 400, rows, 28, maxHeight, 0);
    expect(Math.abs(middle.first - rows / 2)).toBeLessThan(20);
    // at the very bottom the last row ends exactly at the viewport's lower edge
    const scrollTop = maxHeight - 400;
    expect(bottom.offset + bottom.count * 28).toBeCloseTo(scrollTop + 400, 6);
    // and halfway, the drawn rows cover the whole viewport
    expect(middle.offset).toBeLessThanOrEqual((maxHeight - 400) / 2);
    expect(middle.offset + middle.count * 28).toBeGreaterThanOrEqual((maxHeight - 400) / 2 + 400);
  });

  it('draws nothing for an empty table', () => {
    expect(visibleRows(0, 400, 0, 28)).toEqual({ first: 0, count: 0, offset: 0, totalHeight: 0 });
  });
});
