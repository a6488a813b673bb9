import type { LanguageCode } from '../../i18n/languages';
import { languageOf } from '../../i18n/languages';
import { LEGEND_COLOURS } from '../../map/legend-colours';
import type { MapImageText } from './map-image-text';
import { imageWords, layOutMapImageText } from './map-image-text';

const FONT = 'system-ui, "DejaVu Sans", sans-serif';
const INK = '#1b1b1b';
const MUTED = '#4a4a4a';
const PAPER = 'rgba(255, 255, 255, 0.9)';
/** The line as the light map draws it: the picture's legend sits on light paper. */
const DURAND = LEGEND_COLOURS.schemes.light.durand;

/**
 * Splits phrases into lines no wider than `width`, breaking between phrases, and after the
 * commas (Latin `,` or Arabic `،`) of a phrase wider than a line.
 */
export function wrapPhrases(
  context: CanvasRenderingContext2D,
  phrases: readonly string[],
  width: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const phrase of phrases) {
    const next = line === '' ? phrase : `${line} · ${phrase}`;
    if (line !== '' && context.measureText(next).width > width) {
      lines.push(line);
      line = phrase;
    } else {
      line = next;
    }
    // A phrase wider than the picture (a long list of types) goes on over several lines,
    // broken after its commas.
    while (context.measureText(line).width > width) {
      // Each part but the last keeps its comma.
      const words = line.split(/(?<=[,،]) /);
      let fits = 1;
      while (
        fits < words.length &&
        context.measureText(words.slice(0, fits + 1).join(' ')).width <= width
      )
        fits++;
      if (fits >= words.length) break;
      lines.push(words.slice(0, fits).join(' '));
      line = words.slice(fits).join(' ');
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The map as drawn, with the filters along the top, a legend of the types drawn (with counts)
 * and of the symbols at the bottom left, and the attribution at the bottom right. The picture
 * keeps the map canvas's pixel size; `pixelRatio` is canvas pixels per CSS pixel, so the text
 * reads at the size it has on screen.
 */
export function composeMapImage(
  map: HTMLCanvasElement,
  text: MapImageText,
  pixelRatio: number,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = map.width;
  canvas.height = map.height;
  const t = imageWords(text.language);
  const context = canvas.getContext('2d');
  if (!context) throw new Error(t('image.noCanvas'));
  context.drawImage(map, 0, 0);
  // From here on, work in CSS pixels.
  context.scale(pixelRatio, pixelRatio);
  const width = map.width / pixelRatio;
  const height = map.height / pixelRatio;
  const pad = 8;
  context.textBaseline = 'top';
  // Arabic-script text runs right to left: the canvas orders each line's words (and the digits
  // and Latin names within) as the language reads, while each text keeps its place in the layout.
  context.direction = languageOf(text.language).dir;
  context.textAlign = 'left';

  // Filters along the top.
  context.font = `12px ${FONT}`;
  const lines = layOutMapImageText(text);
  const filterLines = wrapPhrases(context, lines.filters, width - 2 * pad);
  const bandHeight = pad + 16 + filterLines.length * 15 + pad - 2;
  context.fillStyle = PAPER;
  context.fillRect(0, 0, width, bandHeight);
  context.fillStyle = INK;
  context.font = `bold 13px ${FONT}`;
  context.fillText(t('image.title', { title: text.title }), pad, pad);
  context.font = `12px ${FONT}`;
  context.fillStyle = MUTED;
  filterLines.forEach((line, i) => context.fillText(line, pad, pad + 17 + i * 15));

  // Legend at the bottom left: types (in two columns when there are many), then symbols.
  const row = 16;
  const symbols = [t('image.exactPlace'), t('image.approximate'), t('image.durandLine')];
  const typesHeading = t('image.incidentTypes');
  context.font = `12px ${FONT}`;
  const entries = lines.legend;
  const columns = entries.length > 6 ? 2 : 1;
  const typeRows = Math.ceil(entries.length / columns);
  const measure = (label: string) => context.measureText(label).width;
  const columnWidth = Math.max(0, ...entries.map((e) => measure(e.text))) + 12 + pad;
  const legendWidth = Math.min(
    width - 2 * pad,
    Math.max(columns * columnWidth, ...symbols.map(measure), measure(typesHeading)) + 2 * pad + 12,
  );
  const legendHeight = pad + row * (1 + typeRows + symbols.length) + pad / 2 + pad;
  const attributionHeight = 18;
  const left = pad;
  let y = height - attributionHeight - pad - legendHeight;
  context.fillStyle = PAPER;
  context.fillRect(left, y, legendWidth, legendHeight);
  context.strokeStyle = '#9a958b';
  context.lineWidth = 1;
  context.strokeRect(left + 0.5, y + 0.5, legendWidth - 1, legendHeight - 1);
  y += pad;
  context.fillStyle = INK;
  context.font = `bold 12px ${FONT}`;
  context.fillText(typesHeading, left + pad, y);
  y += row;
  context.font = `12px ${FONT}`;
  const symbolX = left + pad + 6;
  entries.forEach((entry, i) => {
    const x = symbolX + Math.floor(i / typeRows) * columnWidth;
    const rowY = y + (i % typeRows) * row;
    if (entry.colour) {
      context.beginPath();
      context.arc(x, rowY + 6, 5, 0, 2 * Math.PI);
      context.fillStyle = entry.colour;
      context.fill();
      context.strokeStyle = '#ffffff';
      context.lineWidth = 1;
      context.stroke();
    }
    context.fillStyle = INK;
    context.fillText(entry.text, x + 12, rowY);
  });
  y += typeRows * row + pad / 2;
  // Exact: filled dot. Approximate: ring with an almost clear fill. Durand Line: dashed.
  context.beginPath();
  context.arc(symbolX, y + 6, 5, 0, 2 * Math.PI);
  context.fillStyle = '#5a5a5a';
  context.fill();
  context.fillStyle = INK;
  context.fillText(symbols[0]!, symbolX + 12, y);
  y += row;
  context.beginPath();
  context.arc(symbolX, y + 6, 6, 0, 2 * Math.PI);
  context.fillStyle = 'rgba(90, 90, 90, 0.12)';
  context.fill();
  context.strokeStyle = '#5a5a5a';
  context.lineWidth = 2;
  context.stroke();
  context.fillStyle = INK;
  context.fillText(symbols[1]!, symbolX + 12, y);
  y += row;
  context.beginPath();
  context.setLineDash([5, 2.5]);
  context.strokeStyle = DURAND;
  context.lineWidth = 2.5;
  context.moveTo(symbolX - 6, y + 6);
  context.lineTo(symbolX + 7, y + 6);
  context.stroke();
  context.setLineDash([]);
  context.fillStyle = INK;
  context.fillText(symbols[symbols.length - 1]!, symbolX + 12, y);

  // Attribution at the bottom right.
  context.font = `11px ${FONT}`;
  const attribution = `© ${text.attribution}`;
  const attributionWidth = context.measureText(attribution).width + 2 * 6;
  context.fillStyle = PAPER;
  context.fillRect(
    width - attributionWidth,
    height - attributionHeight,
    attributionWidth,
    attributionHeight,
  );
  context.fillStyle = INK;
  context.fillText(attribution, width - attributionWidth + 6, height - attributionHeight + 4);
  return canvas;
}

/** The canvas as a PNG file; a failure is told in `language`. */
export function toPngBlob(canvas: HTMLCanvasElement, language: LanguageCode): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new Error(imageWords(language)('image.notEncoded'))),
      'image/png',
    ),
  );
}
