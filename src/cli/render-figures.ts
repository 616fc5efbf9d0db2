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
  CHAR_EM,
  figureTitle as coreFigureTitle,
  messages,
  type Dataset,
  type FigureDescription,
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

/** The static figure for an element, built with the element's defaults (as if it had no attributes). */
export function staticFigure(name: ElementName, dataset: Dataset, options: FigureOptions): StaticFigure {
  const { lang, width, fontSize } = options;
  const m = messages(lang);
  if (name === 'kpi-quarter-table') {
    const model = buildKpiModel(dataset, m, lang, {
      ...(options.year ? { year: options.year } : {}),
      ...(options.years ? { years: options.years } : {}),
    });
    const figure = describeKpiFigure(
      dataset,
      model,
      { lang, width, fontSize, charWidth: CHAR_EM },
      options.asAt ? { asAt: options.asAt } : {},
    );
    return { ...figure, styles: KpiQuarterTable.styles };
  }
  if (name === 'attendance-by-sector') {
    const model = buildAttendanceModel(dataset, m, lang, {
      ...(options.measure ? { measure: options.measure } : {}),
      ...(options.year ? { year: options.year } : {}),
      ...(options.sort ? { sort: options.sort } : {}),
    });
    const layout = { lang, width, fontSize, charWidth: CHAR_EM };
    const figure = describeAttendanceFigure(dataset, model, layout, options.asAt ? { asAt: options.asAt } : {});
    return { ...figure, styles: ELEMENT_CLASSES[name].styles };
  }
  const model = buildTrainingModel(dataset, m, lang, options.years ? { years: options.years } : {});
  return {
    ...describeTrainingFigure(
      dataset,
      model,
      { lang, width, fontSize, charWidth: CHAR_EM },
      options.asAt ? { asAt: options.asAt } : {},
    ),
    styles: ELEMENT_CLASSES[name].styles,
  };
}
