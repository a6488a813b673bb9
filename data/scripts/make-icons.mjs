// Draws the app's install icons (public/icons/*.png) from the favicon's design, with Node alone:
// a dashed border line from the south-west to the north-east and two incidents, one each side.
// Run `npm run icons` after changing the design; data/scripts/make-icons.test.ts checks that the
// committed files are what this draws.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** The favicon's drawing, in its 32 × 32 units (public/favicon.svg). */
const DESIGN = {
  paper: [0xf7, 0xf4, 0xec],
  /**
   * The Durand Line in the app's accent colour. Its dashes are spaced wider than the favicon's so
   * that the gaps stay open at icon size despite the round caps.
   */
  line: {
    colour: [0x7a, 0x1f, 0x3d],
    width: 2.6,
    dash: [2.4, 3.6],
    points: [
      [3, 25],
      [9, 22],
      [13, 23],
      [16, 17],
      [19, 15],
      [21, 10],
      [25, 7],
      [29, 4],
    ],
  },
  /** One incident on each side of the line, in two of the map's type colours. */
  dots: [
    { centre: [12, 14], radius: 3.5, colour: [0xe3, 0x1a, 0x1c] },
    { centre: [22, 19], radius: 3.5, colour: [0x1f, 0x78, 0xb4] },
  ],
  /** A ring of paper around each dot keeps it apart from the line it sits beside. */
  halo: 1,
  cornerRadius: 6,
};

/**
 * The icons the web app manifest lists. A maskable icon is cropped by the platform to any shape
 * that contains the central circle of 80 % of its width, so it fills the square with paper and
 * draws the design smaller, inside that circle.
 */
export const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

/**
 * How much of the maskable icon's width the 32-unit design takes: the end of the line farthest
 * from the centre, (29, 4) with its round cap, is 19.0 units away, which at 0.62 puts it at
 * 0.37 of the width from the centre, inside the safe circle's 0.40.
 */
const MASKABLE_SCALE = 0.62;

/** Samples per pixel along each axis: 4 × 4 gives smooth edges. */
const SAMPLES = 4;

/** The dashes of a polyline, as segments [x0, y0, x1, y1] (a dash can turn a corner). */
function dashSegments({ points, dash: [on, off] }) {
  const segments = [];
  let phase = 0; // distance into the current on + off period
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const length = Math.hypot(bx - ax, by - ay);
    let t = 0;
    while (t < length) {
      const inDash = phase < on;
      const step = Math.min(length - t, (inDash ? on : on + off) - phase);
      if (inDash) {
        const from = t / length;
        const to = (t + step) / length;
        segments.push([
          ax + (bx - ax) * from,
          ay + (by - ay) * from,
          ax + (bx - ax) * to,
          ay + (by - ay) * to,
        ]);
      }
      t += step;
      phase = (phase + step) % (on + off);
    }
  }
  return segments;
}

function distanceToSegment(px, py, [ax, ay, bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y, side, radius) {
  const cx = Math.min(Math.max(x, radius), side - radius);
  const cy = Math.min(Math.max(y, radius), side - radius);
  return x >= 0 && y >= 0 && x <= side && y <= side && Math.hypot(x - cx, y - cy) <= radius;
}

/** The colour (RGB) and opacity of one point of the design, in design units. */
function paint(x, y, segments, maskable) {
  for (const { centre, radius, colour } of DESIGN.dots) {
    const distance = Math.hypot(x - centre[0], y - centre[1]);
    if (distance <= radius) return [colour, 1];
    if (distance <= radius + DESIGN.halo) return [DESIGN.paper, 1];
  }
  const halfWidth = DESIGN.line.width / 2;
  for (const segment of segments) {
    const [ax, ay, bx, by] = segment;
    // Most segments are far away: a bounding-box test before the distance.
    if (x < Math.min(ax, bx) - halfWidth || x > Math.max(ax, bx) + halfWidth) continue;
    if (y < Math.min(ay, by) - halfWidth || y > Math.max(ay, by) + halfWidth) continue;
    if (distanceToSegment(x, y, segment) <= halfWidth) return [DESIGN.line.colour, 1];
  }
  if (maskable || insideRoundedSquare(x, y, 32, DESIGN.cornerRadius)) return [DESIGN.paper, 1];
  return [DESIGN.paper, 0];
}

/**
 * Renders one icon as RGBA rows, `size` × `size`: the design on a rounded square with clear
 * corners, or for a maskable icon on paper to every edge, smaller and centred.
 */
export function renderIcon(size, maskable) {
  const segments = dashSegments(DESIGN.line);
  const scale = maskable ? MASKABLE_SCALE : 1;
  const unitsPerPixel = 32 / size / scale;
  const offset = maskable ? (32 - 32 / scale) / 2 : 0;
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = offset + (column + (sx + 0.5) / SAMPLES) * unitsPerPixel;
          const y = offset + (row + (sy + 0.5) / SAMPLES) * unitsPerPixel;
          const [colour, alpha] = paint(x, y, segments, maskable);
          r += colour[0] * alpha;
          g += colour[1] * alpha;
          b += colour[2] * alpha;
          a += alpha;
        }
      }
      const at = (row * size + column) * 4;
      // Colour is averaged over the covered samples only (straight, not premultiplied, alpha).
      pixels[at] = a ? Math.round(r / a) : 0;
      pixels[at + 1] = a ? Math.round(g / a) : 0;
      pixels[at + 2] = a ? Math.round(b / a) : 0;
      pixels[at + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as an 8-bit truecolour-with-alpha PNG (each row unfiltered). */
export function encodePng(pixels, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    rows[row * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(rows, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL('../../public/icons/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const { file, size, maskable } of ICONS) {
    const png = encodePng(renderIcon(size, maskable), size);
    writeFileSync(new URL(file, dir), png);
    console.log(`public/icons/${file}: ${size} × ${size}, ${png.length} bytes`);
  }
}
