import { Resvg } from '@resvg/resvg-js';

export interface SvgToPngParameters {
  svg: string;
  /** Pixels per SVG pixel (default 2). */
  scale?: number;
}

/** PNG from SVG text with resvg and the system's fonts (DejaVu Sans on Debian). */
export function svgToPng({ svg, scale = 2 }: SvgToPngParameters): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: 'white',
  });
  return resvg.render().asPng();
}
