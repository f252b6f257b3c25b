// weapp: a `<Canvas type="2d">` node wrapped so ECharts takes it for a DOM canvas (the pattern of
// Apache's echarts-for-weixin "ec-canvas"), and touches forwarded to zrender by hand for taps.
import Taro from '@tarojs/taro';
import { echarts } from './echarts';

type Canvas2D = { width: number; height: number; getContext(kind: '2d'): unknown; createImage?: () => unknown; requestAnimationFrame?: (cb: () => void) => number };

/** What `echarts.init` needs of a canvas element; events come through `forwardTouch` instead. */
class WxCanvas {
  constructor(private readonly node: Canvas2D) {}
  getContext(kind: '2d') {
    return this.node.getContext(kind);
  }
  get width() {
    return this.node.width;
  }
  set width(w: number) {
    this.node.width = w;
  }
  get height() {
    return this.node.height;
  }
  set height(h: number) {
    this.node.height = h;
  }
  addEventListener() {}
  removeEventListener() {}
  attachEvent() {}
  detachEvent() {}
  style = {};
}

/** Finds the canvas node by id on the current page and starts a chart on it. */
export function initWeappChart(id: string): Promise<ReturnType<typeof echarts.init> | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: Canvas2D; width: number; height: number }[]) => {
        const found = res?.[0];
        if (!found?.node) return resolve(null);
        const dpr = Taro.getSystemInfoSync().pixelRatio;
        const node = found.node;
        node.width = found.width * dpr;
        node.height = found.height * dpr;
        // Text measuring and images go through the mini-program canvas, not a document.
        echarts.setPlatformAPI({ createCanvas: () => node as unknown as HTMLCanvasElement, loadImage: (src, onload, onerror) => {
          const img = node.createImage?.() as { src: string; onload: () => void; onerror: () => void } | undefined;
          if (!img) return null as unknown as HTMLImageElement;
          img.onload = onload as () => void;
          img.onerror = onerror as () => void;
          img.src = src;
          return img as unknown as HTMLImageElement;
        } });
        const chart = echarts.init(new WxCanvas(node) as unknown as HTMLElement, undefined, { width: found.width, height: found.height, devicePixelRatio: dpr });
        resolve(chart);
      });
  });
}

type Touch = { x: number; y: number };
type TouchEvent = { touches?: Touch[]; changedTouches?: Touch[] };
const noop = () => {};

/** Touches on the canvas as zrender's mouse events: a tap becomes down, up and click (bars drill down). */
export function forwardTouch(chart: ReturnType<typeof echarts.init> | null, kind: 'start' | 'move' | 'end', e: TouchEvent): void {
  if (!chart) return;
  const t = (kind === 'end' ? e.changedTouches : e.touches)?.[0];
  if (!t) return;
  const handler = (chart.getZr() as unknown as { handler: { dispatch(name: string, ev: object): void; processGesture?(ev: object, stage: string): void } }).handler;
  const ev = { zrX: t.x, zrY: t.y, preventDefault: noop, stopImmediatePropagation: noop, stopPropagation: noop };
  if (kind === 'start') {
    handler.dispatch('mousedown', ev);
    handler.dispatch('mousemove', ev);
  } else if (kind === 'move') handler.dispatch('mousemove', ev);
  else {
    handler.dispatch('mouseup', ev);
    handler.dispatch('click', ev);
  }
}
