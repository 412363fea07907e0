// The calculator page's script (bundled by build.ts into page-script-bundle.ts): it reads the model embedded in the
// page and answers the form with the app's own engine and words, so the page cannot answer differently from Use.

import { explainCase, type RawRow } from '../../engine/explain';
import { encodeRow, parseWeightsFile, predict } from '../../engine/predict';
import type { WeightsFile } from '../../engine/weights-file';
import { answerFigures, caseSentence, contributionRows, type CaseValues } from '../../explain-words';
import { decimal, percent } from '../../number-text';
import { answerName, chanceOf, classWordsFor } from '../../../renderer/src/lib/answer-names';
import { beyondSeen } from '../../usual-values';
import { PAGE_DATA_ID, type PageData } from './page-data';

function element<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`The page lacks ${selector}.`);
  return found;
}

function make(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function bar(fraction: number): HTMLElement {
  const outer = make('div', undefined, 'bar');
  const inner = make('div');
  inner.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
  outer.append(inner);
  return outer;
}

/** The answer as the Use screen words it. */
function answerNodes(weights: WeightsFile, row: RawRow, names: Record<string, string>): HTMLElement[] {
  const prediction = predict(weights, [row]).predictions[0]!;
  const classes = weights.output.classes ?? [];
  if ('probability' in prediction) {
    const big = make('p', undefined, 'answer-big');
    big.append(make('span', percent(prediction.probability, 1)), make('span', `chance of ${chanceOf(weights.output.name, classes[1] ?? '1', names)}`, 'answer-of'));
    big.firstElementChild!.setAttribute('data-test', 'probability');
    big.lastElementChild!.setAttribute('data-test', 'chance-of');
    const threshold = weights.output.threshold ?? 0.5;
    const line = make('p');
    line.setAttribute('data-test', 'answer-class');
    line.append(`At the threshold of ${threshold.toFixed(2)}, the model answers `, make('strong', answerName(prediction.label, names)));
    if (!names[prediction.label]) {
      const words = classWordsFor(weights.output.name, classes, names);
      line.append(make('span', `\u00a0(${prediction.label === classes[1] ? words.positive : words.negative})`, 'muted'));
    }
    line.append('.');
    return [big, bar(prediction.probability), line];
  }
  if ('probabilities' in prediction) {
    const big = make('p', undefined, 'answer-big');
    const label = make('strong', answerName(prediction.label, names));
    label.setAttribute('data-test', 'answer-class');
    big.append(label);
    const list = make('ul', undefined, 'class-bars');
    for (const c of classes) {
      const item = make('li');
      const p = prediction.probabilities[c] ?? Number.NaN;
      item.append(make('span', answerName(c, names)), bar(p), make('span', percent(p, 1)));
      list.append(item);
    }
    return [big, list];
  }
  const big = make('p', undefined, 'answer-big');
  const value = make('span', decimal(prediction.value, 4));
  value.setAttribute('data-test', 'answer-value');
  big.append(value, ' ', make('span', weights.output.name, 'answer-of'));
  return [big];
}

/** Why this answer: the sentence, and each input's share as a bar (right for up, left for down). */
function whyNodes(data: PageData, row: RawRow, values: CaseValues): HTMLElement[] {
  if (data.background.length === 0) return [make('p', 'This page came without training rows to compare with, so it cannot say what moved this answer.', 'muted')];
  const { weights, answerNames } = data;
  const explanation = explainCase(weights, row, data.background);
  const className = weights.task === 'multiclass' && explanation.className ? { className: answerName(explanation.className, answerNames) } : {};
  const sentence = make('p', caseSentence(explanation, values, className), 'why-sentence');
  sentence.setAttribute('data-test', 'why');
  const rows = contributionRows(explanation, values);
  const largest = Math.max(1e-12, ...rows.map((r) => Math.abs(r.value)));
  const table = make('table', undefined, 'shares');
  table.append(make('caption', 'What moved this answer, input by input'));
  const body = make('tbody');
  for (const r of rows) {
    const line = make('tr');
    const share = make('td', undefined, 'share');
    const half = make('div', undefined, r.value >= 0 ? 'up' : 'down');
    half.style.width = `${(Math.abs(r.value) / largest) * 50}%`;
    share.append(half);
    line.append(make('th', r.label), share, make('td', r.text, 'figure'));
    line.firstElementChild!.setAttribute('scope', 'row');
    body.append(line);
  }
  table.append(body);
  const figures = answerFigures(explanation);
  const note = make(
    'p',
    `Each bar is one input's share of the gap between this answer (${figures.answer}) and the average answer over ${explanation.backgroundRows} training rows (${figures.average}); the shares add up to it exactly.`,
    'muted small',
  );
  return [sentence, table, note];
}

function start(): void {
  const answer = element<HTMLElement>('[data-test="answer"]');
  const why = element<HTMLElement>('[data-test="why-answer"]');
  const form = element<HTMLFormElement>('form.case');
  let data: PageData;
  try {
    const raw = JSON.parse(element<HTMLElement>(`#${PAGE_DATA_ID}`).textContent ?? '') as PageData;
    data = { ...raw, weights: parseWeightsFile(raw.weights) };
  } catch (error) {
    answer.replaceChildren(make('p', `This page cannot answer: its model is damaged (${(error as Error).message}). Export the calculator page again.`, 'problem'));
    return;
  }
  const { weights } = data;
  const fieldOf = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;

  // the answer at once; why (Shapley values, up to 4,096 sets of inputs) once the typing has caught up, for the
  // latest case only; data-case says which case both are for
  let latest = 0;
  const update = () => {
    const values: Record<string, string> = {};
    for (const input of weights.inputs) values[input.name] = fieldOf(input.name)?.value ?? '';
    // as on Use: what was typed, with an empty field counted as missing
    const row: RawRow = weights.inputs.map((input) => values[input.name]!);
    try {
      const empty = weights.inputs.filter((input) => values[input.name]!.trim() === '').map((input) => input.name);
      const nodes = [make('h2', 'The model\'s answer'), ...answerNodes(weights, row, data.answerNames)];
      if (empty.length) nodes.push(make('p', `Empty fields count as missing and are filled in: ${empty.join(', ')}.`, 'muted small'));
      const beyond = weights.inputs.map((input) => beyondSeen(input.name, values[input.name], data.seen?.[input.name])).filter((w): w is string => w !== null);
      const warnings = [...beyond, ...encodeRow(weights.inputs, row).warnings];
      if (warnings.length) {
        const list = make('ul', undefined, 'warnings');
        for (const w of warnings) list.append(make('li', w));
        nodes.push(list);
      }
      answer.replaceChildren(...nodes);
    } catch (error) {
      answer.replaceChildren(make('p', `This page could not answer this case: ${(error as Error).message}`, 'problem'));
    }
    const ticket = ++latest;
    why.setAttribute('aria-busy', 'true');
    setTimeout(() => {
      if (ticket !== latest) return;
      try {
        why.replaceChildren(make('h2', 'Why this answer'), ...whyNodes(data, row, values));
      } catch (error) {
        why.replaceChildren(make('h2', 'Why this answer'), make('p', `This page could not work out why: ${(error as Error).message}`, 'problem'));
      }
      why.removeAttribute('aria-busy');
      answer.setAttribute('data-case', JSON.stringify(values));
    }, 0);
  };

  const fill = (values: Record<string, string>) => {
    for (const input of weights.inputs) {
      const field = fieldOf(input.name);
      if (field) field.value = values[input.name] ?? '';
    }
    update();
  };
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  document.querySelector('[data-action="typical"]')?.addEventListener('click', () => fill(data.typical));
  document.querySelector('[data-action="clear"]')?.addEventListener('click', () => fill({}));
  // a first look starts from a typical case, as Use does, so the answer is there at once
  fill(data.typical);
}

start();
