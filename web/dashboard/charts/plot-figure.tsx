/**
 * Hosts an Observable Plot chart. Plot returns a finished SVG, so React only hands it a container:
 * one copy sized to the screen (re-drawn when the container resizes) and one at the print width,
 * so that printed charts keep legible text instead of being scaled down.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

/** Inner width of an A4 page at 14 mm margins, in CSS pixels. */
export const PRINT_WIDTH = 680;

/** Builds the chart for a width in pixels; `print` asks for the compact paper version. */
export type ChartBuilder = (width: number, print: boolean) => SVGSVGElement | HTMLElement;

interface Props {
  /** Re-drawn whenever this function changes; memoise it with its data. */
  build: ChartBuilder;
  /** What the chart shows, for screen readers. */
  label: string;
  className?: string;
}

function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      // Whole pixels only: sub-pixel jitter would redraw the chart for nothing.
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function mount(host: HTMLElement | null, build: ChartBuilder, width: number, label: string, print: boolean): void {
  if (!host || width <= 0) return;
  const chart = build(width, print);
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', label);
  host.replaceChildren(chart);
}

/** A Plot chart filling its container's width on screen and the A4 text width in print. */
export function PlotFigure({ build, label, className }: Props) {
  const [screenRef, width] = useWidth();
  const printRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    mount(screenRef.current, build, width, label, false);
  }, [screenRef, build, width, label]);
  useEffect(() => {
    mount(printRef.current, build, PRINT_WIDTH, label, true);
  }, [build, label]);

  return (
    <div className={`plot-figure ${className ?? ''}`}>
      <div ref={screenRef} className="plot-figure__screen" />
      <div ref={printRef} className="plot-figure__print" aria-hidden="true" />
    </div>
  );
}
