// Small tables the end-to-end tests import, made from a seeded generator so they are the same on every run.

/** A linear congruential generator: enough randomness for made-up rows, and the same rows for the same seed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** price ≈ 3 × size + 10 × rooms + up to 20: a number to predict (regression). */
export function pricesCsv(): string {
  const random = lcg(11);
  const lines = ['size,rooms,price'];
  for (let i = 0; i < 300; i++) {
    const size = 40 + Math.round(random() * 160);
    const rooms = 1 + Math.floor(random() * 6);
    lines.push(`${size},${rooms},${(size * 3 + rooms * 10 + random() * 20).toFixed(1)}`);
  }
  return lines.join('\n') + '\n';
}

/** Points around three centres named left, right and top: one of three classes to predict. */
export function kindsCsv(): string {
  const random = lcg(5);
  const lines = ['x,y,kind'];
  const centres: [string, number, number][] = [['left', -3, 0], ['right', 3, 0], ['top', 0, 4]];
  for (let i = 0; i < 300; i++) {
    const [kind, cx, cy] = centres[i % 3]!;
    lines.push(`${(cx + random() * 2 - 1).toFixed(3)},${(cy + random() * 2 - 1).toFixed(3)},${kind}`);
  }
  return lines.join('\n') + '\n';
}

/** Four columns and a yes/no answer that follows the first only loosely (plus noise): little to learn, much to
 * memorise, so a big network trained long memorises its training rows. */
export function looseAnswersCsv(rows = 120): string {
  const random = lcg(23);
  const normal = () => random() + random() + random() + random() - 2;
  const lines = ['a,b,c,d,answer'];
  for (let i = 0; i < rows; i++) {
    const [a, b, c, d] = [normal(), normal(), normal(), normal()];
    lines.push(`${a.toFixed(3)},${b.toFixed(3)},${c.toFixed(3)},${d.toFixed(3)},${a + normal() > 0 ? 'yes' : 'no'}`);
  }
  return lines.join('\n') + '\n';
}

/** Two measurements and a 0/1 code that follows their sum (1 = the machine failed): answers that say nothing by
 * themselves until they are named. */
export function codedAnswersCsv(): string {
  const random = lcg(31);
  const lines = ['heat,load,failed'];
  for (let i = 0; i < 200; i++) {
    const heat = random() * 10;
    const load = random() * 10;
    lines.push(`${heat.toFixed(2)},${load.toFixed(2)},${heat + load + random() * 3 > 11 ? 1 : 0}`);
  }
  return lines.join('\n') + '\n';
}
