// @vitest-environment node
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodePng, ICONS, renderIcon } from './make-icons.mjs';

const PAPER = [0xf7, 0xf4, 0xec];

function readIcon(file: string): PNG {
  return PNG.sync.read(readFileSync(new URL(`../../public/icons/${file}`, import.meta.url)));
}

function pixelAt(png: { data: Buffer; width: number }, x: number, y: number): number[] {
  const at = (y * png.width + x) * 4;
  return [...png.data.subarray(at, at + 4)];
}

describe('The install icons', () => {
  it.each(ICONS)('$file is the committed drawing, $size px square', ({ file, size, maskable }) => {
    const png = readIcon(file);
    expect([png.width, png.height]).toEqual([size, size]);
    // Compared as pixels, not bytes: another zlib may compress the same image differently.
    expect(png.data.equals(renderIcon(size, maskable))).toBe(true);
  });

  it('are 192 and 512 px for any purpose, and one maskable', () => {
    const sizes = ICONS.filter((icon) => !icon.maskable).map((icon) => icon.size);
    expect(sizes).toEqual(expect.arrayContaining([192, 512]));
    expect(ICONS.some((icon) => icon.maskable && icon.size >= 512)).toBe(true);
  });

  it('draw the design on a rounded square with clear corners', () => {
    const png = readIcon('icon-512.png');
    expect(pixelAt(png, 0, 0)[3]).toBe(0);
    expect(pixelAt(png, 511, 511)[3]).toBe(0);
    expect(pixelAt(png, 256, 20)).toEqual([...PAPER, 255]);
  });

  it('keep everything but paper inside the maskable safe circle', () => {
    const png = readIcon('icon-maskable-512.png');
    const centre = 256;
    let drawn = 0;
    const seeThrough: string[] = [];
    const outside: string[] = [];
    for (let y = 0; y < 512; y++) {
      for (let x = 0; x < 512; x++) {
        const [r, g, b, a] = pixelAt(png, x, y);
        if (a !== 255) seeThrough.push(`(${x}, ${y})`);
        if (r === PAPER[0] && g === PAPER[1] && b === PAPER[2]) continue;
        drawn++;
        if (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) > 0.4 * 512)
          outside.push(`(${x}, ${y})`);
      }
    }
    expect(seeThrough.slice(0, 5)).toEqual([]);
    expect(outside.slice(0, 5)).toEqual([]);
    expect(drawn).toBeGreaterThan(1000);
  });

  it('encode as PNGs that a decoder reads back pixel for pixel', () => {
    const pixels = renderIcon(48, false);
    const decoded = PNG.sync.read(encodePng(pixels, 48));
    expect(decoded.data.equals(pixels)).toBe(true);
  });
});
