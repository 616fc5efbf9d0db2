/**
 * What `partnership-widgets render` draws for each element, from the element's
 * own code: its pure model builder (`build*Model`), its chart function (Plot
 * options), its messages and its static styles. Nothing here works out a
 * figure or a mark; it only gathers what the element would show around its
 * chart (heading, period, key, panel titles, source) for the static SVG.
 */
import type { CSSResultGroup } from 'lit';
import type { PlotOptions } from '@observablehq/plot';
import {
  AttendanceBySector,
  buildAttendanceModel,
  buildKpiModel,
  buildTrainingModel,
  KpiQuarterTable,
  TrainingTrend,
} from 'partnership-widgets';
import {
  formatDate,
  MARKED_STATUSES,
  messages,
  STATUS_MARKS,
  SYMBOL_CODES,
  type Dataset,
  type FigureModel,
  type Lang,
  type Messages,
  type YearRole,
} from 'partnership-widgets/core.js';
import {
  attendanceChartOptions,
  attendanceMessages,
  kpiChartOptions,
  kpiChartWidth,
  trainingCatalogues,
  trainingPanels,
} from 'partnership-widgets/internal.js';

export const ELEMENT_NAMES = ['kpi-quarter-table', 'attendance-by-sector', 'training-trend'] as const;
export type ElementName = (typeof ELEMENT_NAMES)[number];

export function isElementName(name: string): name is ElementName {
  return (ELEMENT_NAMES as readonly string[]).includes(name);
}

/** The element classes, for their static styles and for Lit SSR. */
export const ELEMENT_CLASSES = {
  'kpi-quarter-table': KpiQuarterTable,
  'attendance-by-sector': AttendanceBySector,
  'training-trend': TrainingTrend,
} as const;

export interface StaticPanel {
  /** Shown above the panel (a small multiple's measure, a training panel's title). */
  readonly title?: string;
  readonly options: PlotOptions;
  /** The panel's accessible name, as the element gives it. */
  readonly label: string;
  /** A line under the panel (the evaluation's return rate). */
  readonly note?: string;
}

export interface StaticFigure {
  readonly lang: Lang;
  readonly title: string;
  /** The period line: "2021-22, by quarter · publisher". */
  readonly subtitle: string;
  /** "Figures as at 29 September 2021". */
  readonly asAt?: string;
  /** Nothing to show: the element's empty-state text. */
  readonly empty?: string;
  /** The chart's accessible name (the SVG's `<title>`). */
  readonly label: string;
  /** The summary (the SVG's `<desc>`). */
  readonly summary: string;
  /** The key to the years' colours (attendance), above the chart. */
  readonly legend?: readonly { readonly role: YearRole; readonly text: string }[];
  readonly panels: readonly StaticPanel[];
  /** Width of each panel, and how many go side by side (small multiples), `gap` px apart. */
  readonly panelWidth: number;
  readonly columns: number;
  readonly gap: number;
  /** Lists under the chart (the training annotations). */
  readonly lists: readonly { readonly heading: string; readonly items: readonly string[] }[];
  /** "Source: …. Updated: …." */
  readonly source?: string;
  /** "[c] Confidential…" for each symbol shown. */
  readonly symbols: readonly string[];
  /** The element's static styles: the colours and type of its chart marks. */
  readonly styles: CSSResultGroup;
}

export interface FigureOptions {
  lang: Lang;
  /** Width of the chart area, in px. */
  width: number;
  /** Chart text size, in px (the theme's default). */
  fontSize: number;
  /** Figures as at (YYYY-MM-DD); default the data's `asAt`. */
  asAt?: string;
  /** The element's attributes that choose what is shown (as on the element). */
  year?: string;
  years?: number;
  measure?: string;
  sort?: string;
}

/** The element's title: the data's, or the element's default. */
export function figureTitle(name: ElementName, dataset: Dataset, lang: Lang): string {
  if (dataset.title) return dataset.title;
  const m = messages(lang);
  if (name === 'kpi-quarter-table') return m.kpiTitle;
  if (name === 'attendance-by-sector') return attendanceMessages(lang).title;
  return trainingCatalogues[lang].title;
}

function frame(
  name: ElementName,
  dataset: Dataset,
  model: FigureModel,
  options: FigureOptions,
): Omit<StaticFigure, 'label' | 'panels' | 'panelWidth' | 'columns' | 'gap' | 'lists' | 'legend'> {
  const m: Messages = messages(options.lang);
  const title = figureTitle(name, dataset, options.lang);
  const asAt = options.asAt || dataset.asAt;
  const source = [
    dataset.source ? `${m.source}: ${dataset.source.name}.` : '',
    dataset.updated ? `${m.updated}: ${formatDate(dataset.updated, m)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    lang: options.lang,
    title,
    subtitle: [model.period, dataset.publisher].filter(Boolean).join(' · '),
    ...(asAt ? { asAt: m.asAt(formatDate(asAt, m)) } : {}),
    ...(model.empty ? { empty: model.empty } : {}),
    summary: model.summary.join(' '),
    ...(source ? { source } : {}),
    // The keys to GSS symbols and to status marks ([p], [r], [e]), a line each.
    symbols: [
      ...SYMBOL_CODES.filter((c) => model.symbols.includes(c)).map((c) => `[${c}] ${m.symbols[c]}`),
      ...MARKED_STATUSES.filter((s) => model.statuses?.includes(s)).map((s) => `[${STATUS_MARKS[s]}] ${m.statuses[s]}`),
    ],
    styles: ELEMENT_CLASSES[name].styles,
  };
}

/** The static figure for an element, built with the element's defaults (as if it had no attributes). */
export function staticFigure(name: ElementName, dataset: Dataset, options: FigureOptions): StaticFigure {
  const { lang, width, fontSize } = options;
  const m = messages(lang);
  if (name === 'kpi-quarter-table') {
    const model = buildKpiModel(dataset, m, lang, {
      ...(options.year ? { year: options.year } : {}),
      ...(options.years ? { years: options.years } : {}),
    });
    const base = frame(name, dataset, model, options);
    const caption = `${base.title}, ${model.period}`;
    // Small multiples in a grid that fills the width, as the element's CSS grid does: as many
    // columns as fit at the width the charts need for their labels, then stretched to fill.
    const gap = Math.round(fontSize * 1.5);
    const least = kpiChartWidth(model.rows, model.columns, model.chartColumns, fontSize);
    const columns = Math.max(1, Math.floor((width + gap) / (least + gap)));
    const panelWidth = Math.floor((width - gap * (columns - 1)) / columns);
    return {
      ...base,
      label: caption,
      panelWidth,
      columns,
      gap,
      lists: [],
      panels: (model.empty ? [] : model.rows).map((row) => {
        const points = model.chartColumns.map((i) => m.chartPoint(model.columns[i]!.label, row.cells[i]!.text));
        return {
          title: row.measure.label,
          options: kpiChartOptions(row, model.columns, model.chartColumns, { fontSize, width: panelWidth }),
          label: m.chartLabel(row.measure.label, points.join('; ')),
        };
      }),
    };
  }
  if (name === 'attendance-by-sector') {
    const model = buildAttendanceModel(dataset, m, lang, {
      ...(options.measure ? { measure: options.measure } : {}),
      ...(options.year ? { year: options.year } : {}),
      ...(options.sort ? { sort: options.sort } : {}),
    });
    const base = frame(name, dataset, model, options);
    const a = attendanceMessages(lang);
    const caption = `${base.title}, ${model.period}`;
    return {
      ...base,
      label: a.chartLabel(caption),
      legend: model.years.map((y) => ({ role: y.role, text: a.legendItem(y.key, y.note) })),
      panelWidth: width,
      columns: 1,
      gap: 0,
      lists: [],
      panels: model.empty
        ? []
        : [
            {
              options: attendanceChartOptions(model, { width, fontSize, patternId: 'pw-hatch' }),
              label: a.chartLabel(caption),
            },
          ],
    };
  }
  const model = buildTrainingModel(dataset, m, lang, options.years ? { years: options.years } : {});
  const base = frame(name, dataset, model, options);
  const caption = `${base.title}, ${model.period}`;
  return {
    ...base,
    label: model.tm.chartLabel(caption),
    panelWidth: width,
    columns: 1,
    gap: 0,
    lists: model.annotations.length
      ? [
          {
            heading: model.tm.annotationsHeading,
            items: model.annotations.map((a) => `${a.n}. ${a.period}: ${a.text}`),
          },
        ]
      : [],
    panels: model.empty
      ? []
      : trainingPanels(model, { width, fontSize }).map((p) => ({
          title: p.title,
          options: p.options,
          label: `${p.title}: ${p.name}`,
          ...(p.id === 'evaluation' && model.returnsText ? { note: model.returnsText } : {}),
        })),
  };
}
