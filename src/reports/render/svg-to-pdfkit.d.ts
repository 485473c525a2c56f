/** Types for svg-to-pdfkit, which ships none: the one function Helhed's PDF renderer calls. */
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat the SVG's units as points instead of CSS pixels. */
    assumePt?: boolean;
    /** The registered font to use for a font family, weight and style found in the SVG. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: object) => string;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
