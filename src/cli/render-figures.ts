/**
 * What `partnership-widgets render` draws for each element, from the element's
 * own code: its pure model builder (`build*Model`), its chart function (Plot
 * options), its messages and its static styles. Nothing here works out a
 * figure or a mark; it only gathers what the element would show around its
 * chart (heading, period, key, panel titles, source) for the static SVG.
 */
import type { CSSResultGroup } from 'lit';
import {
  AttendanceBySector,
  buildAttendanceModel,
  buildKpiModel,
  buildTrainingModel,
  KpiQuarterTable,
  TrainingTrend,
} from 'partnership-widgets';
import {
  figureFrame,
  figureTitle as coreFigureTitle,
  messages,
  type Dataset,
  type FigureDescription,
  type FigureLayout,
  type FigureModel,
  type Lang,
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

/** A figure description with the element's static styles: the colours and type of its chart marks. */
export interface StaticFigure extends FigureDescription {
  readonly styles: CSSResultGroup;
}

/** The layout (width of the chart area, chart text size, character width) and the attributes that choose what is shown. */
export interface FigureOptions extends FigureLayout {
  /** Figures as at (YYYY-MM-DD); default the data's `asAt`. */
  asAt?: string;
  /** The element's attributes that choose what is shown (as on the element). */
  year?: string;
  years?: number;
  measure?: string;
  sort?: string;
}

/** The element's own title, when the data gives none. */
function defaultTitle(name: ElementName, lang: Lang): string {
  if (name === 'kpi-quarter-table') return messages(lang).kpiTitle;
  if (name === 'attendance-by-sector') return attendanceMessages(lang).title;
  return trainingCatalogues[lang].title;
}

/** The element's title: the data's, or the element's default. */
export function figureTitle(name: ElementName, dataset: Dataset, lang: Lang): string {
  return coreFigureTitle(dataset, { defaultTitle: defaultTitle(name, lang) });
}

function frame(name: ElementName, dataset: Dataset, model: FigureModel, options: FigureOptions) {
  const frame = figureFrame(dataset, model, messages(options.lang), {
    lang: options.lang,
    defaultTitle: defaultTitle(name, options.lang),
    ...(options.asAt ? { asAt: options.asAt } : {}),
  });
  return { ...frame, styles: ELEMENT_CLASSES[name].styles };
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
          key: row.measure.id,
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
              key: 'sectors',
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
          key: p.id,
          title: p.title,
          options: p.options,
          label: `${p.title}: ${p.name}`,
          ...(p.id === 'evaluation' && model.returnsText ? { note: model.returnsText } : {}),
        })),
  };
}
