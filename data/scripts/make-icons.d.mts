/** One icon the web app manifest lists, as drawn into public/icons/. */
export declare const ICONS: { file: string; size: number; maskable: boolean }[];
/** The icon as straight-alpha RGBA rows, `size` × `size`. */
export declare function renderIcon(size: number, maskable: boolean): Buffer;
/** An 8-bit RGBA PNG of those pixels. */
export declare function encodePng(pixels: Buffer, size: number): Buffer;
