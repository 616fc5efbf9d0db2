/* global document */
/**
 * The same figures drawn with ECharts (tree-shaken, SVG renderer, aria on),
 * animation off. A chart has rendered at its `finished` event.
 */
import { echarts } from '/peers/echarts.js';
import {
  attendanceModel,
  attendanceSize,
  drawPlainTable,
  kpiMultiples,
  LATEST,
  MULTIPLE,
  multiplesGrid,
  PREVIOUS,
  run,
  trainingModel,
  trainingPanels,
} from './shared.js';

/** Draws `option` into `el` at `size`; resolves at `finished`. */
function draw(el, size, option) {
  return new Promise((resolve) => {
    const chart = echarts.init(el, null, { renderer: 'svg', ...size });
    chart.on('finished', () => resolve(chart));
    chart.setOption({ animation: false, aria: { enabled: true }, textStyle: { fontSize: 14 }, ...option });
  });
}

function box({ width, height }) {
  const el = document.createElement('div');
  el.style.width = `${width}px`;
  el.style.height = `${height}px`;
  return el;
}

run({
  kpi: drawPlainTable,

  'kpi-chart'(slot, envelope) {
    const multiples = kpiMultiples(envelope);
    const boxes = multiplesGrid(slot, multiples, () => box(MULTIPLE));
    return Promise.all(
      multiples.map((m, i) =>
        draw(boxes[i], MULTIPLE, {
          grid: { left: 8, right: 8, top: 28, bottom: 28 },
          xAxis: {
            type: 'category',
            data: m.points.map((p) => p.x),
            axisTick: { show: false },
            axisLabel: { fontSize: 14 },
          },
          yAxis: { type: 'value', show: false },
          series: [
            {
              type: 'bar',
              data: m.points.map((p) => p.y),
              itemStyle: { color: LATEST },
              label: {
                show: true,
                position: 'top',
                fontSize: 14,
                formatter: ({ dataIndex }) => m.points[dataIndex].text,
              },
            },
          ],
        }),
      ),
    );
  },

  attendance(slot, envelope) {
    const model = attendanceModel(envelope);
    const size = attendanceSize(model.sectors.length);
    const el = box(size);
    slot.append(el);
    const series = (name, color, key, textKey) => ({
      type: 'bar',
      name,
      data: model.sectors.map((s) => s[key]),
      itemStyle: { color },
      label: {
        show: true,
        position: 'right',
        fontSize: 14,
        formatter: ({ dataIndex }) => model.sectors[dataIndex][textKey],
      },
    });
    return draw(el, size, {
      legend: { top: 0, left: 0, textStyle: { fontSize: 14 } },
      grid: { left: 8, right: 48, top: 36, bottom: 24, containLabel: true },
      xAxis: { type: 'value', axisLabel: { fontSize: 14 } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: model.sectors.map((s) => s.sector),
        axisTick: { show: false },
        axisLabel: { fontSize: 14 },
      },
      series: [
        series(`${model.years[0]} (latest year)`, LATEST, 'latestY', 'latestText'),
        series(`${model.years[1]} (previous year)`, PREVIOUS, 'previousY', 'previousText'),
      ],
    });
  },

  training(slot, envelope) {
    const years = trainingModel(envelope);
    const boxes = trainingPanels(slot, box);
    const sizes = boxes.map((b) => ({ width: parseInt(b.style.width, 10), height: parseInt(b.style.height, 10) }));
    const last = years.length - 1;
    const xAxis = {
      type: 'category',
      data: years.map((d) => d.year),
      axisTick: { show: false },
      axisLabel: { fontSize: 14 },
    };
    const grid = { left: 64, right: 24, top: 28, bottom: 28 };
    const latestLabel = (key) => ({
      show: true,
      position: 'top',
      fontSize: 14,
      fontWeight: 'bold',
      formatter: ({ dataIndex }) => (dataIndex === last ? years[dataIndex][key].text : ''),
    });
    const dots = (key) => ({
      type: 'line',
      data: years.map((d) => d[key].y),
      lineStyle: { width: 0 },
      symbolSize: 10,
      itemStyle: { color: LATEST },
    });
    return Promise.all([
      draw(boxes[0], sizes[0], {
        grid,
        xAxis,
        yAxis: { type: 'value', axisLabel: { fontSize: 14 } },
        series: [
          {
            type: 'bar',
            data: years.map((d) => d.attendees.y),
            itemStyle: { color: LATEST },
            label: latestLabel('attendees'),
          },
        ],
      }),
      draw(boxes[1], sizes[1], {
        grid,
        xAxis,
        yAxis: { type: 'value', axisLabel: { fontSize: 14 } },
        series: [
          {
            type: 'line',
            data: years.map((d) => d.events.y),
            lineStyle: { width: 2.5, color: LATEST },
            itemStyle: { color: LATEST },
            symbolSize: 10,
            label: latestLabel('events'),
          },
        ],
      }),
      draw(boxes[2], sizes[2], {
        grid,
        xAxis,
        yAxis: { type: 'value', min: -100, max: 100, interval: 50, axisLabel: { fontSize: 14 } },
        series: [dots('low'), dots('high')],
      }),
    ]);
  },
});
