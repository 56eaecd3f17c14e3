// The drawn signature's pure parts: where a pointer is on the canvas, and the image sent.

/** The server's limit on a drawn signature: the PNG's bytes, once decoded from base64. */
export const MAX_SIGNATURE_BYTES = 300_000;

const PREFIX = 'data:image/png;base64,';

/** The size of the PNG a base64 data URL holds. */
export function pngBytes(dataUrl: string): number {
  const data = dataUrl.slice(PREFIX.length);
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A pointer's position in the canvas's own pixels: the canvas is drawn at the screen's pixel
 * density and shown at its CSS size, which may differ (a phone turned sideways).
 */
export function canvasPoint(clientX: number, clientY: number, box: Box, canvas: { width: number; height: number }): { x: number; y: number } {
  const sx = box.width > 0 ? canvas.width / box.width : 1;
  const sy = box.height > 0 ? canvas.height / box.height : 1;
  return { x: (clientX - box.left) * sx, y: (clientY - box.top) * sy };
}

/**
 * The signature to send: a PNG data URL, or null when nothing was drawn. Throws when the
 * image is over the server's limit (a canvas far larger than the pad is meant to be).
 */
export function signatureImage(canvas: Pick<HTMLCanvasElement, 'toDataURL'>, drawn: boolean): string | null {
  if (!drawn) return null;
  const url = canvas.toDataURL('image/png');
  if (!url.startsWith(PREFIX)) return null; // a browser that cannot make a PNG
  if (pngBytes(url) > MAX_SIGNATURE_BYTES) throw new RangeError('signature too large');
  return url;
}
