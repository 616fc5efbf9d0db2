/**
 * The training trend's chart: aligned panels sharing the year axis, never a
 * second y-axis on one panel. Attendees as bars; events as a line with
 * points; where the data has it, the evaluation score on its fixed -100..+100
 * scale with a zero line, as a range (lowest to highest area) per year.
 * A missing year or a GSS symbol leaves a gap with the symbol written at the
 * baseline: never a zero bar, never a line drawn across the gap. Pure: the
 * model in, one Plot options object per panel out.
 */
import { barY, dot, line, ruleX, ruleY, text, type PlotOptions } from '@observablehq/plot';
import { isNumber } from '../core/symbols.js';
import type { TrainingModel, TrainingYear } from './model.js';

export type PanelId = 'attendees' | 'events' | 'evaluation';

export interface Panel {
  readonly id: PanelId;
  readonly title: string;
  /** One accessible label per year, in year order (what the keyboard announces). */
  readonly labels: readonly string[];
  readonly options: PlotOptions;
}

export interface TrainingChartOptions {
  width?: number;
  fontSize?: number;
}

interface Datum {
  x: string;
  y: number | null;
  label: string;
  text: string;
  latest: boolean;
}

/** The announcement for a year in a panel: "2021-22: 1,949 attendees, 98 events". */
export function yearLabel(model: TrainingModel, year: TrainingYear, panel: PanelId): string {
  const tm = model.tm;
  const attendees = tm.pointPart(model.columns[0]?.label ?? tm.attendees, year.attendees.text);
  const events = tm.pointPart(model.columns[1]?.label ?? tm.events, year.events.text);
  if (panel === 'attendees') return tm.point(year.period.key, `${attendees}, ${events}`);
  if (panel === 'events') return tm.point(year.period.key, `${events}, ${attendees}`);
  return tm.point(year.period.key, `${tm.evaluation}: ${year.evaluationText ?? ''}`);
}

export function trainingPanels(model: TrainingModel, options: TrainingChartOptions = {}): Panel[] {
  const { width = 640, fontSize = 14 } = options;
  const tm = model.tm;
  const domain = model.years.map((y) => y.period.key);
  const last = domain[domain.length - 1];
  const height = Math.round(fontSize * 11);
  const common = {
    width,
    height,
    marginLeft: Math.round(fontSize * 4),
    marginRight: Math.round(fontSize * 1.5),
    marginTop: Math.round(fontSize * 2),
    marginBottom: Math.round(fontSize * 2.2),
    x: { domain, label: null, padding: 0.3, tickSize: 0 },
  };
  const series = (key: 'attendees' | 'events', panel: PanelId): Datum[] =>
    model.years.map((y) => {
      const f = y[key];
      return {
        x: y.period.key,
        y: isNumber(f.value) ? f.value : null,
        label: yearLabel(model, y, panel),
        text: f.text,
        latest: y.period.key === last,
      };
    });
  const gaps = (data: Datum[]) => data.filter((d) => d.y === null);
  const labelled = (data: Datum[]) => data.filter((d) => d.y !== null && d.latest);
  const yTicks = { grid: true, ticks: 4, label: null, tickFormat: ',~r' as const };

  const attendees = series('attendees', 'attendees');
  const maxAttendees = Math.max(1, ...attendees.map((d) => d.y ?? 0));
  const annotated = model.years
    .filter((y) => y.annotation)
    .map((y) => ({ x: y.period.key, n: String(y.annotation!.n) }));
  const panels: Panel[] = [
    {
      id: 'attendees',
      title: tm.panelAttendees,
      labels: attendees.map((d) => d.label),
      options: {
        ...common,
        ...(annotated.length
          ? { marginBottom: Math.round(fontSize * 4), height: height + Math.round(fontSize * 1.8) }
          : {}),
        y: { ...yTicks, domain: [0, maxAttendees * 1.18], nice: false },
        marks: [
          barY(
            attendees.filter((d) => d.y !== null),
            { x: 'x', y: 'y', fill: 'currentColor', className: 'pw-series-1', ariaLabel: 'label' },
          ),
          text(labelled(attendees), {
            x: 'x',
            y: 'y',
            text: 'text',
            dy: -fontSize * 0.75,
            className: 'pw-labels',
            fontWeight: 700,
          }),
          text(gaps(attendees), {
            x: 'x',
            y: 0,
            text: 'text',
            dy: -fontSize * 0.75,
            className: 'pw-symbols',
            ariaLabel: 'label',
          }),
          // Annotations: a numbered marker under the year's label, listed in words under the chart.
          dot(annotated, {
            x: 'x',
            frameAnchor: 'bottom',
            dy: fontSize * 2.4,
            r: fontSize * 0.75,
            stroke: 'currentColor',
            fill: 'none',
            className: 'pw-annotation',
          }),
          text(annotated, {
            x: 'x',
            frameAnchor: 'bottom',
            dy: fontSize * 2.4,
            text: 'n',
            lineAnchor: 'middle',
            className: 'pw-annotation',
            fontWeight: 700,
          }),
          ruleY([0], { stroke: 'currentColor', className: 'pw-baseline' }),
        ],
      },
    },
  ];

  const events = series('events', 'events');
  const maxEvents = Math.max(1, ...events.map((d) => d.y ?? 0));
  panels.push({
    id: 'events',
    title: tm.panelEvents,
    labels: events.map((d) => d.label),
    options: {
      ...common,
      y: { ...yTicks, domain: [0, maxEvents * 1.18], nice: false },
      marks: [
        // Plot breaks a line where y is null: a gap, never a line across a missing year.
        line(events, { x: 'x', y: 'y', stroke: 'currentColor', strokeWidth: 2.5, className: 'pw-series-1' }),
        dot(
          events.filter((d) => d.y !== null),
          { x: 'x', y: 'y', r: fontSize * 0.35, fill: 'currentColor', className: 'pw-series-1', ariaLabel: 'label' },
        ),
        text(labelled(events), {
          x: 'x',
          y: 'y',
          text: 'text',
          dy: -fontSize * 0.9,
          className: 'pw-labels',
          fontWeight: 700,
        }),
        text(gaps(events), {
          x: 'x',
          y: 0,
          text: 'text',
          dy: -fontSize * 0.75,
          className: 'pw-symbols',
          ariaLabel: 'label',
        }),
        ruleY([0], { stroke: 'currentColor', className: 'pw-baseline' }),
      ],
    },
  });

  if (model.has.evaluation) {
    const ranges = model.years.map((y) => ({
      x: y.period.key,
      low: y.evaluationLow && isNumber(y.evaluationLow.value) ? y.evaluationLow.value : null,
      high: y.evaluationHigh && isNumber(y.evaluationHigh.value) ? y.evaluationHigh.value : null,
      label: yearLabel(model, y, 'evaluation'),
      text: y.evaluationText ?? '',
      latest: y.period.key === last,
    }));
    const present = ranges.filter((r) => r.low !== null && r.high !== null);
    const ends = present.flatMap((r) => [
      { x: r.x, y: r.low, label: r.label },
      ...(r.high !== r.low ? [{ x: r.x, y: r.high, label: r.label }] : []),
    ]);
    panels.push({
      id: 'evaluation',
      title: tm.panelEvaluation,
      labels: ranges.map((r) => r.label),
      options: {
        ...common,
        y: {
          grid: true,
          domain: [-100, 100],
          ticks: [-100, -50, 0, 50, 100],
          label: null,
          tickFormat: (d: number) => (d > 0 ? `+${d}` : d < 0 ? `\u2212${-d}` : '0'),
        },
        marks: [
          ruleY([0], { stroke: 'currentColor', className: 'pw-baseline', strokeWidth: 1.5 }),
          ruleX(present, {
            x: 'x',
            y1: 'low',
            y2: 'high',
            stroke: 'currentColor',
            strokeWidth: fontSize * 0.5,
            className: 'pw-series-1',
            ariaLabel: 'label',
          }),
          dot(ends, { x: 'x', y: 'y', r: fontSize * 0.35, fill: 'currentColor', className: 'pw-series-1' }),
          text(
            present.filter((r) => r.latest),
            { x: 'x', y: 'high', text: 'text', dy: -fontSize * 0.9, className: 'pw-labels', fontWeight: 700 },
          ),
          text(
            ranges.filter((r) => r.low === null || r.high === null),
            { x: 'x', y: 0, text: 'text', dy: -fontSize * 0.75, className: 'pw-symbols', ariaLabel: 'label' },
          ),
        ],
      },
    });
  }
  return panels;
}
