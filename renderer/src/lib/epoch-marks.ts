// Vertical marks on a chart's epoch axis, drawn by a small Chart.js plugin: where a run began memorising its
// training rows (workers/learning-curves.ts finds the epoch; the Train screen's loss chart shows it).

import type { Plugin } from 'chart.js';
import type { EpochMetrics } from '../../../workers/engine/spec';
import { memorisingFrom } from '../../../workers/learning-curves';

export interface EpochMark {
  /** the epoch, on the x axis */
  x: number;
  label: string;
  color: string;
}

/** The loss chart's marks for a run's history: the epoch after which it began memorising, if it did. */
export function memorisingMarks(history: readonly EpochMetrics[]): EpochMark[] {
  const epoch = memorisingFrom(history);
  return epoch === null ? [] : [{ x: epoch, label: `memorising after epoch ${epoch}`, color: '#c53030' }];
}

/** A plugin for one chart, drawing whatever `marks()` gives when the chart draws: a dashed line and its label. */
export function epochMarksPlugin(marks: () => readonly EpochMark[]): Plugin<'line'> {
  return {
    id: 'epochMarks',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales.x;
      if (!x) return;
      for (const mark of marks()) {
        const at = x.getPixelForValue(mark.x);
        if (!(at >= area.left && at <= area.right)) continue;
        ctx.save();
        ctx.strokeStyle = mark.color;
        ctx.fillStyle = mark.color;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([5, 4]);
        ctx.beginPath();
        ctx.moveTo(at, area.top);
        ctx.lineTo(at, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = '12px system-ui, sans-serif';
        // the label stays inside the plot: to the right of a mark in the left half, else to its left
        const right = at < (area.left + area.right) / 2;
        ctx.textAlign = right ? 'left' : 'right';
        ctx.fillText(mark.label, at + (right ? 5 : -5), area.top + 14);
        ctx.restore();
      }
    },
  };
}
