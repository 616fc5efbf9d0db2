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
  figureTitle as coreFigureTitle,
  messages,
  type Dataset,
  type FigureDescription,
  type FigureLayout,
  type Lang,
} from 'partnership-widgets/core.js';
import {
  attendanceMessages,
  describeAttendanceFigure,
  describeKpiFigure,
  describeTrainingFigure,
  kpiMessages,
  trainingMessages,
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
  if (name === 'kpi-quarter-table') return kpiMessages(lang).kpiTitle;
  if (name === 'attendance-by-sector') return attendanceMessages(lang).title;
  return trainingMessages(lang).title;
}

/** The element's title: the data's, or the element's default. */
export function figureTitle(name: ElementName, dataset: Dataset, lang: Lang): string {
  return coreFigureTitle(dataset, { defaultTitle: defaultTitle(name, lang) });
}

type Describe = (dataset: Dataset, options: FigureOptions) => FigureDescription;

/** Only the options that were given, as the element sees attributes it was not given. */
function given<K extends keyof FigureOptions>(options: FigureOptions, ...keys: K[]) {
  return Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]])) as Pick<
    FigureOptions,
    K
  >;
}

/** Each element: its model from the data and its chosen attributes, then its own figure description. */
const DESCRIBE: Record<ElementName, Describe> = {
  'kpi-quarter-table': (dataset, o) =>
    describeKpiFigure(
      dataset,
      buildKpiModel(dataset, messages(o.lang), o.lang, given(o, 'year', 'years')),
      o,
      given(o, 'asAt'),
    ),
  'attendance-by-sector': (dataset, o) =>
    describeAttendanceFigure(
      dataset,
      buildAttendanceModel(dataset, messages(o.lang), o.lang, given(o, 'measure', 'year', 'sort')),
      o,
      given(o, 'asAt'),
    ),
  'training-trend': (dataset, o) =>
    describeTrainingFigure(
      dataset,
      buildTrainingModel(dataset, messages(o.lang), o.lang, given(o, 'years')),
      o,
      given(o, 'asAt'),
    ),
};

/** The static figure for an element, built with the element's defaults (as if it had no attributes). */
export function staticFigure(name: ElementName, dataset: Dataset, options: FigureOptions): StaticFigure {
  return { ...DESCRIBE[name](dataset, options), styles: ELEMENT_CLASSES[name].styles };
}
