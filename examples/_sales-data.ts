/**
 * Seeded sales data shared by the examples: a CSV text of `rows` sales (region, product, units, price)
 * produced in pieces, as a file or a network stream would deliver it.
 */
import { rng } from '../bench/_data.js';

/** The regions and products the data is drawn from. */
export const REGIONS = ['north', 'south', 'east', 'west', 'central', 'online'] as const;
export const PRODUCTS = ['apples', 'pears', 'plums', 'figs'] as const;

/** Yields the CSV text (header first) in pieces of about `pieceSize` characters, cut anywhere (even mid-row). */
export function* salesCsv(rows: number, pieceSize = 16_384, seed = 7): Generator<string> {
  const r = rng(seed);
  let buf = 'region,product,units,price\n';
  for (let i = 0; i < rows; i++) {
    const region = REGIONS[Math.floor(r() * REGIONS.length)]!;
    const product = PRODUCTS[Math.floor(r() * PRODUCTS.length)]!;
    const units = 1 + Math.floor(r() * 20);
    const price = Math.round((0.5 + r() * 4.5) * 100) / 100;
    buf += `${region},${product},${units},${price}\n`;
    while (buf.length >= pieceSize) {
      yield buf.slice(0, pieceSize);
      buf = buf.slice(pieceSize);
    }
  }
  if (buf) yield buf;
}
