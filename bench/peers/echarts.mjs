// ECharts tree-shaken as its documentation recommends: bar and line charts,
// the grid, legend and aria (accessible descriptions) components, the SVG
// renderer (our charts are SVG too) and the label layout feature.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, AriaComponent, LabelLayout, SVGRenderer]);

export { echarts };
