/* global document */
/**
 * The same figures drawn with vega-embed + vega + vega-lite, SVG renderer
 * (ours is SVG), no action menu. A chart has rendered when `embed` resolves.
 * The small multiples are one faceted spec, as Vega-Lite is meant to be used.
 */
import { embed } from '/peers/vega.js';
import {
  attendanceModel,
  attendanceSize,
  drawPlainTable,
  kpiMultiples,
  LATEST,
  MULTIPLE,
  PREVIOUS,
  run,
  TRAINING,
  trainingModel,
} from './shared.js';

const options = { renderer: 'svg', actions: false };
const config = {
  font: 'system-ui, sans-serif',
  axis: { labelFontSize: 14 },
  legend: { labelFontSize: 14 },
  view: { stroke: null },
};

run({
  kpi: drawPlainTable,

  'kpi-chart'(slot, envelope) {
    const multiples = kpiMultiples(envelope);
    const values = multiples.flatMap((m, i) =>
      m.points.map((p) => ({ measure: `${String(i).padStart(4, '0')}|${m.label}`, ...p })),
    );
    const el = document.createElement('div');
    slot.append(el);
    return embed(
      el,
      {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        config,
        data: { values },
        facet: {
          field: 'measure',
          type: 'nominal',
          sort: null,
          header: { title: null, labelExpr: "split(datum.label, '|')[1]", labelFontSize: 14, labelAnchor: 'start' },
        },
        columns: 2,
        resolve: { scale: { y: 'independent' } },
        spec: {
          width: MULTIPLE.width - 20,
          height: MULTIPLE.height - 50,
          encoding: {
            x: { field: 'x', type: 'nominal', sort: null, title: null, axis: { labelAngle: 0, ticks: false } },
            y: { field: 'y', type: 'quantitative', axis: null },
          },
          layer: [
            { mark: { type: 'bar', color: LATEST } },
            { mark: { type: 'text', dy: -9, fontSize: 14 }, encoding: { text: { field: 'text' } } },
          ],
        },
      },
      options,
    );
  },

  attendance(slot, envelope) {
    const model = attendanceModel(envelope);
    const { width, height } = attendanceSize(model.sectors.length);
    const values = model.sectors.flatMap((s) => [
      { sector: s.sector, year: model.years[0], value: s.latestY, text: s.latestText },
      { sector: s.sector, year: model.years[1], value: s.previousY, text: s.previousText },
    ]);
    const el = document.createElement('div');
    slot.append(el);
    return embed(
      el,
      {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        config,
        width: width - 220,
        height: height - 60,
        data: { values },
        encoding: {
          y: { field: 'sector', type: 'nominal', sort: null, title: null, axis: { labelLimit: 220 } },
          yOffset: { field: 'year', sort: model.years },
          x: { field: 'value', type: 'quantitative', title: null },
          color: {
            field: 'year',
            sort: model.years,
            scale: { range: [LATEST, PREVIOUS] },
            legend: { orient: 'top', title: null },
          },
        },
        layer: [
          { mark: 'bar' },
          { mark: { type: 'text', align: 'left', dx: 4, fontSize: 14 }, encoding: { text: { field: 'text' } } },
        ],
      },
      options,
    );
  },

  training(slot, envelope) {
    const years = trainingModel(envelope);
    const last = years[years.length - 1]?.year;
    const values = years.map((d) => ({
      year: d.year,
      attendees: d.attendees.y,
      events: d.events.y,
      low: d.low.y,
      high: d.high.y,
      label: d.year === last ? d.attendees.text : '',
      eventsLabel: d.year === last ? d.events.text : '',
    }));
    const x = { field: 'year', type: 'ordinal', title: null, axis: { labelAngle: 0 } };
    const panel = (title, height, layer) => ({
      title: { text: title, anchor: 'start', fontSize: 16 },
      width: TRAINING.width - 80,
      height: height - 60,
      layer,
    });
    const el = document.createElement('div');
    slot.append(el);
    return embed(
      el,
      {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        config,
        data: { values },
        resolve: { scale: { x: 'shared' } },
        vconcat: [
          panel('Attendees', TRAINING.attendees, [
            {
              mark: { type: 'bar', color: LATEST },
              encoding: { x, y: { field: 'attendees', type: 'quantitative', title: null } },
            },
            {
              mark: { type: 'text', dy: -9, fontSize: 14, fontWeight: 'bold' },
              encoding: { x, y: { field: 'attendees', type: 'quantitative' }, text: { field: 'label' } },
            },
          ]),
          panel('Training events', TRAINING.events, [
            {
              mark: { type: 'line', color: LATEST, strokeWidth: 2.5, point: { size: 80, color: LATEST } },
              encoding: { x, y: { field: 'events', type: 'quantitative', title: null } },
            },
            {
              mark: { type: 'text', dy: -12, fontSize: 14, fontWeight: 'bold' },
              encoding: { x, y: { field: 'events', type: 'quantitative' }, text: { field: 'eventsLabel' } },
            },
          ]),
          panel('Evaluation score (−100 to +100)', TRAINING.evaluation, [
            {
              mark: { type: 'rule', color: LATEST, strokeWidth: 3 },
              encoding: {
                x,
                y: { field: 'low', type: 'quantitative', title: null, scale: { domain: [-100, 100] } },
                y2: { field: 'high' },
              },
            },
            {
              transform: [{ fold: ['low', 'high'] }],
              mark: { type: 'point', filled: true, size: 80, color: LATEST },
              encoding: { x, y: { field: 'value', type: 'quantitative' } },
            },
          ]),
        ],
      },
      options,
    );
  },
});
