// Tree-shaken ECharts (ADR 0018): the core, the two chart types and four components the pages use,
// both renderers (canvas for weapp and the dashboard, SVG for crisp text on the 1920×1080 大屏).
// Imported only from this subpackage, so none of it lands in the weapp main package.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, CanvasRenderer, SVGRenderer]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;
