/* global document */
/**
 * The same figures drawn with Chart.js (canvas), animation off so that a
 * chart has rendered when `new Chart` returns. Value labels are drawn by a
 * small plugin (Chart.js has none built in).
 */
import { Chart } from '/peers/chartjs.js';
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

/** Writes each bar's label (`labels[datasetIndex][index]`) at its end. */
const valueLabels = (labels, horizontal) => ({
  id: 'valueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#0b0c0c';
    ctx.font = '14px system-ui, sans-serif';
    ctx.textAlign = horizontal ? 'left' : 'center';
    ctx.textBaseline = horizontal ? 'middle' : 'bottom';
    chart.data.datasets.forEach((dataset, d) => {
      chart.getDatasetMeta(d).data.forEach((bar, i) => {
        const label = labels[d][i];
        const none = dataset.data[i] == null;
        if (horizontal) ctx.fillText(label, (none ? chart.scales.x.left : bar.x) + 4, bar.y);
        else ctx.fillText(label, bar.x, (none ? chart.scales.y.bottom : bar.y) - 3);
      });
    });
    ctx.restore();
  },
});

function canvas({ width, height }) {
  const el = document.createElement('canvas');
  el.width = width;
  el.height = height;
  el.style.width = `${width}px`;
  el.style.height = `${height}px`;
  return el;
}

const base = { animation: false, responsive: false, events: [] };

run({
  kpi: drawPlainTable,

  'kpi-chart'(slot, envelope) {
    const multiples = kpiMultiples(envelope);
    const boxes = multiplesGrid(slot, multiples, () => canvas(MULTIPLE));
    multiples.forEach((m, i) => {
      new Chart(boxes[i], {
        type: 'bar',
        data: {
          labels: m.points.map((p) => p.x),
          datasets: [{ data: m.points.map((p) => p.y), backgroundColor: LATEST }],
        },
        options: {
          ...base,
          layout: { padding: { top: 24 } },
          plugins: { legend: { display: false }, tooltip: { enabled: false } },
          scales: {
            x: { grid: { display: false }, ticks: { font: { size: 14 } } },
            y: { display: false, beginAtZero: true },
          },
        },
        plugins: [valueLabels([m.points.map((p) => p.text)], false)],
      });
    });
    return Promise.resolve();
  },

  attendance(slot, envelope) {
    const model = attendanceModel(envelope);
    const el = canvas(attendanceSize(model.sectors.length));
    slot.append(el);
    new Chart(el, {
      type: 'bar',
      data: {
        labels: model.sectors.map((s) => s.sector),
        datasets: [
          {
            label: `${model.years[0]} (latest year)`,
            data: model.sectors.map((s) => s.latestY),
            backgroundColor: LATEST,
          },
          {
            label: `${model.years[1]} (previous year)`,
            data: model.sectors.map((s) => s.previousY),
            backgroundColor: PREVIOUS,
          },
        ],
      },
      options: {
        ...base,
        indexAxis: 'y',
        layout: { padding: { right: 40 } },
        plugins: {
          legend: { position: 'top', align: 'start', labels: { font: { size: 14 } } },
          tooltip: { enabled: false },
        },
        scales: {
          x: { beginAtZero: true, ticks: { font: { size: 14 } } },
          y: { grid: { display: false }, ticks: { font: { size: 14 } } },
        },
      },
      plugins: [valueLabels([model.sectors.map((s) => s.latestText), model.sectors.map((s) => s.previousText)], true)],
    });
    return Promise.resolve();
  },

  training(slot, envelope) {
    const years = trainingModel(envelope);
    const [a, e, v] = trainingPanels(slot, canvas);
    const labels = years.map((y) => y.year);
    const latestOnly = (key) => years.map((y, i) => (i === years.length - 1 ? y[key].text : ''));
    const x = { grid: { display: false }, ticks: { font: { size: 14 } } };
    const y = (extra) => ({ ticks: { font: { size: 14 }, maxTicksLimit: 5 }, ...extra });
    const quiet = { legend: { display: false }, tooltip: { enabled: false } };
    new Chart(a, {
      type: 'bar',
      data: { labels, datasets: [{ data: years.map((d) => d.attendees.y), backgroundColor: LATEST }] },
      options: {
        ...base,
        layout: { padding: { top: 20 } },
        plugins: quiet,
        scales: { x, y: y({ beginAtZero: true }) },
      },
      plugins: [valueLabels([latestOnly('attendees')], false)],
    });
    new Chart(e, {
      type: 'line',
      data: {
        labels,
        datasets: [
          { data: years.map((d) => d.events.y), borderColor: LATEST, backgroundColor: LATEST, pointRadius: 5 },
        ],
      },
      options: {
        ...base,
        layout: { padding: { top: 20 } },
        plugins: quiet,
        scales: { x, y: y({ beginAtZero: true }) },
      },
      plugins: [valueLabels([latestOnly('events')], false)],
    });
    const point = (key) => ({
      type: 'line',
      data: years.map((d) => d[key].y),
      showLine: false,
      pointRadius: 6,
      backgroundColor: LATEST,
    });
    new Chart(v, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            data: years.map((d) => (d.low.y === null || d.high.y === null ? null : [d.low.y, d.high.y])),
            backgroundColor: LATEST,
            barThickness: 4,
          },
          point('low'),
          point('high'),
        ],
      },
      options: { ...base, plugins: quiet, scales: { x, y: y({ min: -100, max: 100 }) } },
    });
    return Promise.resolve();
  },
});
