/** A colour as red, green and blue from 0 to 255. */
export type Rgb = readonly [number, number, number];

const NAMED: ReadonlyArray<readonly [string, string, Rgb]> = [
  ['black', 'noir', [0, 0, 0]],
  ['white', 'blanc', [255, 255, 255]],
  ['grey', 'gris', [128, 128, 128]],
  ['light grey', 'gris clair', [200, 200, 200]],
  ['dark grey', 'gris foncé', [64, 64, 64]],
  ['red', 'rouge', [220, 30, 30]],
  ['dark red', 'bordeaux', [128, 0, 0]],
  ['orange', 'orange', [255, 140, 0]],
  ['yellow', 'jaune', [245, 220, 40]],
  ['brown', 'brun', [140, 85, 40]],
  ['beige', 'beige', [225, 205, 165]],
  ['green', 'vert', [40, 170, 60]],
  ['dark green', 'vert foncé', [20, 90, 40]],
  ['olive', 'olive', [128, 128, 0]],
  ['teal', 'bleu canard', [0, 128, 128]],
  ['cyan', 'cyan', [0, 210, 230]],
  ['blue', 'bleu', [30, 80, 220]],
  ['sky blue', 'bleu ciel', [135, 200, 240]],
  ['navy', 'bleu marine', [20, 30, 100]],
  ['purple', 'violet', [130, 50, 170]],
  ['pink', 'rose', [245, 150, 190]],
  ['magenta', 'magenta', [220, 0, 200]],
];

/** The nearest named colour, in English (`en`) and French (`fr`). */
export function colourName(rgb: Rgb): { en: string; fr: string } {
  let best = NAMED[0] as (typeof NAMED)[number];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const named of NAMED) {
    const [r, g, b] = named[2];
    // Weighted as the eye weighs them ("redmean"), cheap and good enough to name a colour.
    const mean = (rgb[0] + r) / 2;
    const distance =
      (2 + mean / 256) * (rgb[0] - r) ** 2 +
      4 * (rgb[1] - g) ** 2 +
      (2 + (255 - mean) / 256) * (rgb[2] - b) ** 2;
    if (distance < bestDistance) {
      best = named;
      bestDistance = distance;
    }
  }
  return { en: best[0], fr: best[1] };
}

/** `#rrggbb`. */
export function hexOf(rgb: Rgb): string {
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}
