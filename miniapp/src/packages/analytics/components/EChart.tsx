import { useEffect, useRef, useState } from 'react';
import { Canvas, View } from '@tarojs/components';
import { echarts, type EChartsOption } from './echarts';
import { forwardTouch, initWeappChart } from './wx-canvas';

type Chart = ReturnType<typeof echarts.init>;
let seq = 0;

interface EChartProps {
  option: EChartsOption;
  /** Height in px (the width is the container's). */
  height?: number;
  /** A tap on a data item (bar or point): its index in the first series. */
  onItemTap?: (index: number) => void;
  renderer?: 'canvas' | 'svg';
  /** What the chart shows, for screen readers; the numbers are in the table beside it. */
  label: string;
  testId?: string;
}

/**
 * One chart on both targets: h5 draws into a div with `echarts.init`, weapp into a 2d canvas through
 * the adaptor in wx-canvas.ts. The chart is decoration for sighted users: its table carries the data.
 */
export function EChart({ option, height = 220, onItemTap, renderer = 'canvas', label, testId }: EChartProps) {
  const [id] = useState(() => `echart-${++seq}`);
  const chart = useRef<Chart | null>(null);
  const tap = useRef(onItemTap);
  tap.current = onItemTap;

  useEffect(() => {
    let disposed = false;
    const start = async () => {
      let c: Chart | null = null;
      if (process.env.TARO_ENV === 'h5') {
        const el = document.getElementById(id);
        if (el) c = echarts.init(el, undefined, { renderer });
      } else {
        c = await initWeappChart(id);
      }
      if (!c || disposed) return c?.dispose();
      c.on('click', (p: { dataIndex?: number }) => {
        if (typeof p.dataIndex === 'number') tap.current?.(p.dataIndex);
      });
      chart.current = c;
      c.setOption(option);
    };
    // The element exists once Taro has rendered this tick.
    const timer = setTimeout(() => void start(), 0);
    const resize = () => chart.current?.resize();
    if (process.env.TARO_ENV === 'h5') window.addEventListener('resize', resize);
    return () => {
      disposed = true;
      clearTimeout(timer);
      if (process.env.TARO_ENV === 'h5') window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, [id, renderer]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  if (process.env.TARO_ENV === 'h5') {
    return <View id={id} className="echart" style={{ height: `${height}px` }} aria-hidden data-testid={testId} data-label={label} />;
  }
  return (
    <Canvas
      type="2d"
      id={id}
      canvasId={id}
      className="echart"
      style={{ width: '100%', height: `${height}px` }}
      aria-hidden
      onTouchStart={(e) => forwardTouch(chart.current, 'start', e as never)}
      onTouchMove={(e) => forwardTouch(chart.current, 'move', e as never)}
      onTouchEnd={(e) => forwardTouch(chart.current, 'end', e as never)}
    />
  );
}
