/**
 * The training trend's figure: everything `<training-trend>` and
 * `partnership-widgets render` draw for a model at a width, a font size and a
 * character width (`describeTrainingFigure`), and the chart it holds:
 * aligned panels sharing the year axis, never a
 * second y-axis on one panel. Attendees as bars; events as a line with
 * points; where the data has it, the evaluation score on its fixed -100..+100
 * scale with a zero line, as a range (lowest to highest area) per year.
 * A missing year or a GSS symbol leaves a gap with the symbol written at the
 * baseline: never a zero bar, never a line drawn across the gap. Pure: the
 * model in, one Plot options object per panel out.
 *
 * Every panel has the same width, margins and band x scale, so a year sits at
 * the same place in each. On a narrow chart the year labels go onto two lines
 * ("2017-" over "18") or, when even that does not fit, every other (or every
 * third…) year is labelled, always the latest; every year stays reachable
 * from the keyboard and is in the table.
 */
import { maxOf } from '../core/extent.js';
import { axisX, barY, dot, line, ruleY, text, tickY, type Markish, type PlotOptions } from '@observablehq/plot';
import { FOCUS_RING_CLASS } from '../core/chart-marks.js';
import { CHAR_EM } from '../core/chart-size.js';
import type { Dataset } from '../core/contract.js';
import {
  figureFrame,
  type FigureDescription,
  type FigureFrame,
  type FigureLayout,
  type FigurePanel,
} from '../core/figure.js';
import { formatCount } from '../core/format.js';
import { isNumber, isSymbol } from '../core/symbols.js';
import { messages } from '../core/messages.js';
import { CHART_STYLE, panelPlotHeight } from '../core/theme.js';
import { trainingMessages } from './messages.js';
import { panelIds, type Figure, type PanelId, type TrainingModel, type TrainingYear } from './model.js';

export type { PanelId } from './model.js';

export interface Panel {
  readonly id: PanelId;
  readonly title: string;
  /** One accessible label per year, in year order (each mark's label and tooltip). */
  readonly labels: readonly string[];
  /**
   * What the keys say for each year, after the year and the panel's title:
   * "81 events, 1,320 attendees"; the evaluation range without its scale,
   * which the title gives.
   */
  readonly values: readonly string[];
  /**
   * The panel's accessible name under its caption: this panel's figure for
   * each year, "2017-18: 1,180; 2018-19: 1,320"; a symbol said as its meaning,
   * once for a run of years ("2017-18 to 2019-20: not available").
   */
  readonly name: string;
  readonly options: PlotOptions;
}

export interface TrainingChartOptions {
  width?: number;
  fontSize?: number;
  /**
   * The height all the panels may take together, each with its title line
   * (presenting, or `--pw-chart-max-height`): the plot areas shrink to fit it,
   * never the text. Default: each panel's plot area is `panelPlotHeight`.
   */
  height?: number;
  /**
   * The rows the panels are laid out in, sharing `height` (default: one row
   * for each panel, stacked). 1: side by side, each the full height.
   */
  rows?: number;
  /** Average character width in em, as measured (default CHAR_EM). */
  charEm?: number;
}

/** How the year axis is labelled at a width: on one line or two, and every how many years. */
export interface YearAxis {
  readonly lines: 1 | 2;
  readonly every: number;
  /** The years labelled, oldest first; the latest is always one of them. */
  readonly ticks: readonly string[];
}

interface Datum {
  x: string;
  y: number | null;
  label: string;
  text: string;
  latest: boolean;
}

/** Space between bands, as a fraction of a step (the bars fill the rest). */
const PADDING = 0.3;

/**
 * Estimated width of chart text: `charEm` per character, a quarter em more
 * for the signs (U+2212 minus and plus are wider than a digit in most fonts;
 * Firefox's default sans drew "−100" half a pixel outside the 4-digit
 * estimate).
 */
const textWidth = (s: string, fontSize: number, charEm = CHAR_EM) =>
  [...s].reduce((w, c) => w + (c === '\u2212' || c === '+' ? charEm + 0.25 : charEm), 0) * fontSize;

/** What the symbols among these figures mean, each once: ["not available"]. */
function meaningsOf(model: TrainingModel, figures: readonly (Figure | undefined)[]): string[] {
  const m = messages(model.lang);
  return [
    ...new Set(figures.flatMap((f) => (f !== undefined && isSymbol(f.value) ? [m.symbols[f.value.symbol]] : []))),
  ];
}

/** The figures a panel shows for a year. */
const shownIn = (year: TrainingYear, panel: PanelId): Figure[] =>
  panel === 'evaluation'
    ? [year.evaluationLow, year.evaluationHigh].filter((f): f is Figure => f !== undefined)
    : [year.attendees, year.events];

/**
 * A year's figures in a panel, without the year: "1,949 attendees, 98
 * events". `underTitle`: said after the panel's title, which gives the
 * evaluation's scale: "+80 to +90", or a symbol's meaning, "not available".
 */
function yearValues(model: TrainingModel, year: TrainingYear, panel: PanelId, underTitle: boolean): string {
  const tm = trainingMessages(model.lang);
  const count = (f: Figure) => (isNumber(f.value) ? f.value : undefined);
  const shown = shownIn(year, panel);
  const meanings = meaningsOf(model, shown);
  if (panel === 'evaluation' && underTitle) return meanings.length ? meanings.join('; ') : (year.evaluationText ?? '');
  const attendees = tm.attendeesPart(year.attendees.text, count(year.attendees));
  const events = tm.eventsPart(year.events.text, count(year.events));
  const parts =
    panel === 'attendees'
      ? `${attendees}, ${events}`
      : panel === 'events'
        ? `${events}, ${attendees}`
        : tm.evaluationPart(
            year.evaluationText ?? '',
            shown.some((f) => isSymbol(f.value)),
          );
  return parts + (meanings.length ? tm.symbolMeanings(meanings.join('; ')) : '');
}

/** The label for a year in a panel (its mark's): "2021-22: 1,949 attendees, 98 events". */
export function yearLabel(model: TrainingModel, year: TrainingYear, panel: PanelId): string {
  const tm = trainingMessages(model.lang);
  const values = yearValues(model, year, panel, false);
  return tm.point(year.label, values);
}

/**
 * A panel's accessible name: its own figure for each year, a symbol said as
 * its meaning, years in a row with the same meaning said once as a range.
 */
function panelName(model: TrainingModel, panel: PanelId): string {
  const m = messages(model.lang);
  const entries = model.years.map((y) => {
    const figures = panel === 'evaluation' ? shownIn(y, panel) : [y[panel]];
    const meanings = meaningsOf(model, figures);
    const text = meanings.length
      ? meanings.join('; ')
      : panel === 'evaluation'
        ? (y.evaluationText ?? '')
        : y[panel].text;
    return { year: y.label, text, symbol: meanings.length > 0 };
  });
  const runs: { from: string; to: string; text: string; symbol: boolean }[] = [];
  for (const e of entries) {
    const run = runs.at(-1);
    if (run && run.symbol && e.symbol && run.text === e.text) run.to = e.year;
    else runs.push({ from: e.year, to: e.year, text: e.text, symbol: e.symbol });
  }
  return runs.map((r) => trainingMessages(model.lang).point(m.yearRange(r.from, r.to), r.text)).join('; ');
}

/**
 * The year labels for `n` years over `plotWidth` pixels: one line when they
 * fit, else two lines, else every k-th year (counted back from the latest).
 */
export function yearAxis(domain: readonly string[], plotWidth: number, fontSize: number, charEm = CHAR_EM): YearAxis {
  const n = Math.max(1, domain.length);
  const step = plotWidth / (n + PADDING);
  const longest = maxOf(
    domain.map((d) => d.length),
    7,
  );
  const gap = fontSize * 0.8;
  const one = textWidth('0'.repeat(longest), fontSize, charEm) + gap;
  const two = textWidth('0'.repeat(Math.ceil(longest / 2) + 1), fontSize, charEm) + gap;
  const everyOne = Math.max(1, Math.ceil(one / step));
  const everyTwo = Math.max(1, Math.ceil(two / step));
  const lines: 1 | 2 = everyOne <= everyTwo ? 1 : 2;
  const every = lines === 1 ? everyOne : everyTwo;
  const ticks = domain.filter((_, i) => (domain.length - 1 - i) % every === 0);
  return { lines, every, ticks };
}

/** "2017-18" → "2017-\n18" (Plot writes each line as a tspan). */
const twoLines = (d: string) => d.replace('-', '-\n');

/** Where everything sits in a panel: the same for every panel, so a year is at the same place in each. */
interface PanelLayout {
  readonly width: number;
  readonly fontSize: number;
  readonly charEm: number;
  /** The years, oldest first, and the latest. */
  readonly domain: readonly string[];
  readonly last: string | undefined;
  /** The width of one year's band, with its padding. */
  readonly step: number;
  readonly axis: YearAxis;
  readonly marginLeft: number;
  readonly marginRight: number;
  readonly marginTop: number;
  readonly marginBottom: number;
  readonly plotHeight: number;
  /** Below the frame: the year labels end here, and the annotation markers sit under them. */
  readonly labelsBottom: number;
  readonly markerY: number;
  readonly markerR: number;
}

/** Headroom over the tallest bar or point, for its direct label. */
const top = (max: number) => max * 1.18;

/** The largest count of a measure over the years shown (at least 1). */
const largest = (model: TrainingModel, key: 'attendees' | 'events') =>
  maxOf(
    model.years.map((y) => (isNumber(y[key].value) ? y[key].value : 0)),
    1,
  );

/** The plot-area height: the chart style's proportions, or the share of a given height (never under 2.5 lines of text). */
function plotHeightFor(
  count: number,
  width: number,
  fontSize: number,
  height: number | undefined,
  chrome: number,
  fill = false,
) {
  const natural = panelPlotHeight(width, fontSize);
  if (!height || height <= 0) return natural;
  // Each panel's title line above its SVG: about 1.4 lines of text and its margin.
  // and, under the evaluation, its return rate (reserved once).
  const perPanel = (height - fontSize * 3) / Math.max(1, count) - chrome - fontSize * 2.9;
  // Side by side (`fill`), the panels take the height they are given: they are narrow, their proportions no guide.
  return Math.round(Math.max(fontSize * 2.5, fill ? perPanel : Math.min(natural, perPanel)));
}

function panelLayout(
  model: TrainingModel,
  options: Required<Omit<TrainingChartOptions, 'height' | 'rows'>> & TrainingChartOptions,
): PanelLayout {
  const { width, fontSize, charEm } = options;
  const domain = model.years.map((y) => y.label);
  // One left margin for every panel (so the years line up): room for the widest y tick label.
  const tickLabels = [
    '000',
    ...[largest(model, 'attendees'), largest(model, 'events')].map((max) => formatCount(Math.floor(top(max)))),
    ...(model.has.evaluation ? ['\u2212100', '+100'] : []),
  ];
  const marginLeft = Math.ceil(maxOf(tickLabels.map((t) => textWidth(t, fontSize, charEm))) + fontSize * 0.9);
  const marginRight = Math.round(fontSize * CHART_STYLE.marginRightEm);
  const plotWidth = Math.max(1, width - marginLeft - marginRight);
  const axis = yearAxis(domain, plotWidth, fontSize, charEm);
  // Below the frame: the year labels, then (on the attendees panel) the numbered annotation markers.
  const labelsBottom = fontSize * (0.5 + 1.2 * axis.lines);
  const marginTop = Math.round(fontSize * CHART_STYLE.marginTopEm);
  const marginBottom = Math.round(labelsBottom + fontSize * 0.5);
  const count = panelIds(model).length;
  return {
    width,
    fontSize,
    charEm,
    domain,
    last: domain[domain.length - 1],
    step: plotWidth / (domain.length + PADDING),
    axis,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    plotHeight: plotHeightFor(
      options.rows ?? count,
      width,
      fontSize,
      options.height,
      marginTop + marginBottom,
      (options.rows ?? count) < count,
    ),
    labelsBottom,
    markerY: labelsBottom + fontSize * 0.95,
    markerR: fontSize * 0.75,
  };
}

/** The options every panel shares: size, margins and the band x scale. */
function commonOptions(l: PanelLayout) {
  return {
    width: l.width,
    marginLeft: l.marginLeft,
    marginRight: l.marginRight,
    marginTop: l.marginTop,
    marginBottom: l.marginBottom,
    height: l.marginTop + l.plotHeight + l.marginBottom,
    // The year axis is drawn as a mark after the focus band, so that the year in hand keeps its label.
    x: { type: 'band' as const, domain: l.domain, padding: PADDING, axis: null },
  };
}

/** A count for each year, with its mark's label; a gap (null) for a symbol. */
function seriesOf(model: TrainingModel, key: 'attendees' | 'events', last: string | undefined): Datum[] {
  return model.years.map((y) => {
    const f = y[key];
    return {
      x: y.label,
      y: isNumber(f.value) ? f.value : null,
      label: yearLabel(model, y, key),
      text: f.text,
      latest: y.label === last,
    };
  });
}

const yearLabels = (l: PanelLayout): Markish =>
  axisX({
    ...(l.axis.every > 1 ? { ticks: [...l.axis.ticks] } : {}),
    ...(l.axis.lines === 2 ? { tickFormat: twoLines } : {}),
    tickSize: 0,
    label: null,
  });

/** Behind everything: one band per year, shown only for the year in hand (with its year label). */
const rings = (l: PanelLayout, y1: number, y2: number): Markish =>
  barY(
    l.domain.map((x) => ({ x })),
    {
      x: 'x',
      y1,
      y2,
      insetTop: -l.fontSize * 1.6,
      // Down over the year's label, unless the labels are thinned out (it would cut its neighbours').
      insetBottom: l.axis.every > 1 ? 0 : -(l.labelsBottom + l.fontSize * 0.25),
      insetLeft: -l.step * PADDING * 0.4,
      insetRight: -l.step * PADDING * 0.4,
      fill: 'none',
      className: FOCUS_RING_CLASS,
      ariaHidden: 'true',
    },
  );

/**
 * The direct label on the latest year: centred over its mark, or ending at
 * the chart's right edge when centring would push it past.
 */
function latestLabel(l: PanelLayout, label: string) {
  const room = l.step * (0.5 - PADDING / 2 + PADDING) + l.marginRight - 2;
  return textWidth(label, l.fontSize, l.charEm) / 2 > room ? { textAnchor: 'end' as const, dx: room } : {};
}

const latestText = (l: PanelLayout, data: readonly { text: string }[], dy: number) =>
  text(data, {
    x: 'x',
    y: 'y',
    text: 'text',
    dy,
    className: 'pw-labels',
    fontWeight: 700,
    ...latestLabel(l, data[0]?.text ?? ''),
  });

interface GapDatum {
  x: string;
  text: string;
  label: string;
}

/** Runs of neighbouring years with the same symbol, each said once: "2017-18 to 2019-20: [x] (not available)". */
function symbolRuns(model: TrainingModel, l: PanelLayout, data: readonly GapDatum[]) {
  const runs: GapDatum[][] = [];
  for (const d of data) {
    const run = runs.at(-1);
    const prev = run?.at(-1);
    if (run && prev && prev.text === d.text && l.domain.indexOf(d.x) === l.domain.indexOf(prev.x) + 1) run.push(d);
    else runs.push([d]);
  }
  const m = messages(model.lang);
  const tm = trainingMessages(model.lang);
  return runs.map((run) => {
    const mid = run[Math.floor((run.length - 1) / 2)]!;
    const label = run.length === 1 ? mid.label : tm.point(m.yearRange(run[0]!.x, run.at(-1)!.x), run[0]!.text);
    return { x: mid.x, text: mid.text, label, dx: run.length % 2 ? 0 : l.step / 2 };
  });
}

/**
 * The symbols at the gaps, at the baseline: one per year, or where the years
 * are too narrow for that ("[x][x][x]" would run together), one per run of
 * years with the same symbol, centred on the run.
 */
function symbolText(model: TrainingModel, l: PanelLayout, data: readonly GapDatum[]): Markish[] {
  const widest = maxOf(
    data.map((d) => textWidth(d.text, l.fontSize, l.charEm)),
    0,
  );
  const shown = l.step < widest + l.fontSize * 0.4 ? symbolRuns(model, l, data) : data.map((d) => ({ ...d, dx: 0 }));
  // dx is one number per mark: runs of an even number of years sit between two bands.
  return [0, l.step / 2].map((dx) =>
    text(
      shown.filter((d) => d.dx === dx),
      { x: 'x', y: 0, text: 'text', dx, dy: -l.fontSize * 0.75, className: 'pw-symbols', ariaLabel: 'label' },
    ),
  );
}

const gaps = (data: Datum[]) => data.filter((d) => d.y === null);
const labelled = (data: Datum[]) => data.filter((d) => d.y !== null && d.latest);
const yTicks = {
  grid: true,
  ticks: CHART_STYLE.ticks,
  tickSize: CHART_STYLE.tickSize,
  label: null,
  // A function, as on every axis of ours: a format string would bring d3-format into the chart code.
  tickFormat: (d: number) => formatCount(d),
};

/** A panel's text: its title, each year's label and keys text, and its accessible name. */
function panelText(model: TrainingModel, id: PanelId, labels: readonly string[]) {
  const tm = trainingMessages(model.lang);
  const title = id === 'attendees' ? tm.panelAttendees : id === 'events' ? tm.panelEvents : tm.panelEvaluation;
  return {
    id,
    title,
    labels,
    values: model.years.map((y) => yearValues(model, y, id, true)),
    name: panelName(model, id),
  };
}

/**
 * Annotations: a numbered marker under the year's label, listed in words under
 * the chart. Where the years are narrower than a marker (a presenting panel
 * beside others), markers of neighbouring years are moved apart sideways,
 * each group about its years, never one over another.
 */
function annotationMarks(model: TrainingModel, l: PanelLayout): Markish[] {
  const annotated = model.years.flatMap((y, i) => (y.annotation ? [{ x: y.label, n: String(y.annotation.n), i }] : []));
  const apart = 2 * l.markerR + l.fontSize * 0.2;
  // Pushed right as far as each needs from the one before, then each group moved back by half its push.
  const offsets: number[] = [];
  const groups: number[] = [];
  annotated.forEach((a, k) => {
    const before = annotated[k - 1];
    const step = before ? (a.i - before.i) * l.step : Infinity;
    const pushed = before && step - offsets[k - 1]! < apart ? apart - step + offsets[k - 1]! : 0;
    offsets.push(pushed);
    groups.push(pushed > 0 ? groups[k - 1]! : k);
  });
  const marks = (data: readonly { x: string; n: string }[], dx = 0): Markish[] => [
    dot(data, {
      x: 'x',
      frameAnchor: 'bottom',
      ...(dx ? { dx } : {}),
      dy: l.markerY,
      r: l.markerR,
      stroke: 'currentColor',
      strokeWidth: 1.5,
      fill: 'none',
      className: 'pw-annotation',
    }),
    text(data, {
      x: 'x',
      frameAnchor: 'bottom',
      ...(dx ? { dx } : {}),
      dy: l.markerY,
      text: 'n',
      lineAnchor: 'middle',
      className: 'pw-annotation',
      fontWeight: 700,
    }),
  ];
  if (offsets.every((o) => o === 0)) return marks(annotated.map(({ x, n }) => ({ x, n })));
  const groupPush = (k: number) => maxOf(offsets.filter((_, j) => groups[j] === groups[k]));
  return annotated.flatMap(({ x, n }, k) => marks([{ x, n }], offsets[k]! - groupPush(k) / 2));
}

/** Attendees as bars, the annotations' markers under the year labels. */
function attendeesPanel(model: TrainingModel, l: PanelLayout): Panel {
  const attendees = seriesOf(model, 'attendees', l.last);
  const max = top(largest(model, 'attendees'));
  const annotated = model.years.some((y) => y.annotation);
  const marginBottom = annotated ? Math.round(l.markerY + l.markerR + l.fontSize * 0.4) : l.marginBottom;
  return {
    ...panelText(
      model,
      'attendees',
      attendees.map((d) => d.label),
    ),
    options: {
      ...commonOptions(l),
      marginBottom,
      height: l.marginTop + l.plotHeight + marginBottom,
      y: { ...yTicks, domain: [0, max], nice: false },
      marks: [
        rings(l, 0, max),
        yearLabels(l),
        barY(
          attendees.filter((d) => d.y !== null),
          {
            x: 'x',
            y1: 0,
            y2: 'y',
            fill: 'currentColor',
            className: 'pw-series-1',
            ariaLabel: 'label',
            title: 'label',
          },
        ),
        latestText(l, labelled(attendees), -l.fontSize * 0.75),
        symbolText(model, l, gaps(attendees)),
        ...annotationMarks(model, l),
        ruleY([0], { stroke: 'currentColor', className: 'pw-baseline' }),
      ],
    },
  };
}

/** Events as a line with points; Plot breaks a line where y is null: a gap, never a line across a missing year. */
function eventsPanel(model: TrainingModel, l: PanelLayout): Panel {
  const events = seriesOf(model, 'events', l.last);
  const max = top(largest(model, 'events'));
  return {
    ...panelText(
      model,
      'events',
      events.map((d) => d.label),
    ),
    options: {
      ...commonOptions(l),
      y: { ...yTicks, domain: [0, max], nice: false },
      marks: [
        rings(l, 0, max),
        yearLabels(l),
        line(events, { x: 'x', y: 'y', stroke: 'currentColor', strokeWidth: 2.5, className: 'pw-series-1' }),
        dot(
          events.filter((d) => d.y !== null),
          {
            x: 'x',
            y: 'y',
            r: l.fontSize * 0.35,
            fill: 'currentColor',
            className: 'pw-series-1',
            ariaLabel: 'label',
            title: 'label',
          },
        ),
        latestText(l, labelled(events), -l.fontSize * 0.9),
        symbolText(model, l, gaps(events)),
        ruleY([0], { stroke: 'currentColor', className: 'pw-baseline' }),
      ],
    },
  };
}

/** The evaluation's lowest to highest score per year, on its fixed -100..+100 scale with a zero line. */
function evaluationPanel(model: TrainingModel, l: PanelLayout): Panel {
  const ranges = model.years.map((y) => ({
    x: y.label,
    low: y.evaluationLow && isNumber(y.evaluationLow.value) ? y.evaluationLow.value : null,
    high: y.evaluationHigh && isNumber(y.evaluationHigh.value) ? y.evaluationHigh.value : null,
    label: yearLabel(model, y, 'evaluation'),
    text: y.evaluationText ?? '',
    latest: y.label === l.last,
  }));
  const present = ranges.filter((r) => r.low !== null && r.high !== null);
  const latest = present.filter((r) => r.latest).map((r) => ({ ...r, y: r.high }));
  // A range, not a dash: a narrow bar from the lowest to the highest score, capped at both ends.
  // It reaches 2px past each end so that a single score (low = high) stays visible.
  const overhang = Math.max(2, Math.round(l.fontSize * 0.15));
  const band = l.step * (1 - PADDING);
  const barInset = Math.max(0, (band - Math.max(4, l.fontSize * 0.45)) / 2);
  const capInset = Math.max(0, (band - l.fontSize * 1.6) / 2);
  const cap = (y: 'low' | 'high') =>
    tickY(present, {
      x: 'x',
      y,
      insetLeft: capInset,
      insetRight: capInset,
      stroke: 'currentColor',
      strokeWidth: 2.5,
      className: 'pw-series-1',
      ariaHidden: 'true',
    });
  return {
    ...panelText(
      model,
      'evaluation',
      ranges.map((r) => r.label),
    ),
    options: {
      ...commonOptions(l),
      y: {
        grid: true,
        domain: [-100, 100],
        ticks: [-100, 0, 100],
        tickSize: CHART_STYLE.tickSize,
        label: null,
        tickFormat: (d: number) => (d > 0 ? `+${d}` : d < 0 ? `\u2212${-d}` : '0'),
      },
      marks: [
        rings(l, -100, 100),
        yearLabels(l),
        ruleY([0], { stroke: 'currentColor', className: 'pw-baseline', strokeWidth: 1.5 }),
        barY(present, {
          x: 'x',
          y1: 'low',
          y2: 'high',
          insetTop: -overhang,
          insetBottom: -overhang,
          insetLeft: barInset,
          insetRight: barInset,
          fill: 'currentColor',
          className: 'pw-series-1',
          ariaLabel: 'label',
          title: 'label',
        }),
        cap('low'),
        cap('high'),
        latestText(l, latest, -l.fontSize * 0.9),
        symbolText(
          model,
          l,
          ranges.filter((r) => r.low === null || r.high === null),
        ),
      ],
    },
  };
}

const PANELS: Record<PanelId, (model: TrainingModel, l: PanelLayout) => Panel> = {
  attendees: attendeesPanel,
  events: eventsPanel,
  evaluation: evaluationPanel,
};

/** The chart's panels: attendees, events and, where the data has it, the evaluation. */
export function trainingPanels(model: TrainingModel, options: TrainingChartOptions = {}): Panel[] {
  const { width = 640, fontSize = CHART_STYLE.fontSize, charEm = CHAR_EM } = options;
  const l = panelLayout(model, { ...options, width, fontSize, charEm });
  return panelIds(model).map((id) => PANELS[id](model, l));
}

/** A panel of the figure, with what the element's keys and clicks need. */
export interface TrainingPanel extends FigurePanel, Pick<Panel, 'labels' | 'values' | 'name'> {
  readonly key: PanelId;
  readonly title: string;
}

/** The figure's chart: what the element draws under its own heading, and `render` under the frame. */
export interface TrainingChart extends Omit<FigureDescription, keyof FigureFrame> {
  readonly panels: readonly TrainingPanel[];
}

/**
 * The chart for a model at a layout: one column of panels the full width
 * (or, given a height too short for that, the panels side by side),
 * each with its title, its own figures as its name (with the title for a
 * static SVG, which has no caption), the evaluation's return rate under it;
 * the annotations as a list. `caption` is "title, period".
 */
export function trainingChart(model: TrainingModel, caption: string, layout: FigureLayout): TrainingChart {
  const tm = trainingMessages(layout.lang);
  const { width, fontSize, charWidth: charEm } = layout;
  const count = panelIds(model).length;
  // Given a height too short for the panels one under another (each plot area
  // under four lines of text: a slide), they sit side by side, each the full height.
  const stacked = layout.height ? panelLayout(model, { width, fontSize, charEm, height: layout.height }) : undefined;
  const columns = stacked && count > 1 && stacked.plotHeight < fontSize * 4 ? count : 1;
  const gap = columns > 1 ? Math.round(fontSize) : 0;
  const panelWidth = Math.floor((width - gap * (columns - 1)) / columns);
  const panels = model.empty
    ? []
    : trainingPanels(model, {
        width: panelWidth,
        fontSize,
        charEm,
        ...(layout.height ? { height: layout.height } : {}),
        ...(columns > 1 ? { rows: 1 } : {}),
      });
  return {
    label: tm.chartLabel(caption),
    panelWidth,
    columns,
    gap,
    lists: model.annotations.length
      ? [{ heading: tm.annotationsHeading, items: model.annotations.map((a) => `${a.n}. ${a.period}: ${a.text}`) }]
      : [],
    panels: panels.map((p) => ({
      key: p.id,
      title: p.title,
      options: p.options,
      label: `${p.title}: ${p.name}`,
      labels: p.labels,
      values: p.values,
      name: p.name,
      ...(p.id === 'evaluation' && model.returnsText ? { note: model.returnsText } : {}),
    })),
  };
}

export interface TrainingFigureOptions {
  /** The heading the page gave the element, if any. */
  readonly heading?: string;
  /** Figures as at (YYYY-MM-DD); default the data's `asAt`. */
  readonly asAt?: string;
}

/** Everything a `<training-trend>` shows for a model at a layout: the frame around the chart, and the chart. */
export function describeTrainingFigure(
  dataset: Dataset,
  model: TrainingModel,
  layout: FigureLayout,
  options: TrainingFigureOptions = {},
): FigureFrame & TrainingChart {
  const frame = figureFrame(dataset, model, messages(layout.lang), {
    lang: layout.lang,
    defaultTitle: trainingMessages(layout.lang).title,
    ...(options.heading ? { heading: options.heading } : {}),
    ...(options.asAt ? { asAt: options.asAt } : {}),
  });
  return { ...frame, ...trainingChart(model, `${frame.title}, ${model.period}`, layout) };
}
