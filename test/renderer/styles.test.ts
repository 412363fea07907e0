// The style sheets keep their shape: colours only through the variables, each component's rules in its own
// <style scoped>, and the global sheet only the base that several components share.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'vue/compiler-sfc';

const SRC = path.resolve(__dirname, '../../renderer/src');
const BASE_SHEET = path.join(SRC, 'styles.css');

/** Base classes meant for any component, kept in the base even while fewer than two components use them. */
const UTILITIES = new Set(['visually-hidden']);

// ---- reading the sheets ------------------------------------------------------------------------------------------

interface Declaration {
  /** the selectors of the rule it is in, at-rules first (`@media (max-width: 900px)`, `.two-columns`) */
  within: string[];
  /** the line of the innermost selector */
  ruleLine: number;
  property: string;
  value: string;
  line: number;
}

/** Every declaration of a sheet with the rule it sits in; comments and quoted text cannot end a block. */
function declarations(css: string): Declaration[] {
  const out: Declaration[] = [];
  const stack: string[] = [];
  const stackLines: number[] = [];
  let text = '';
  let line = 1;
  let textLine = 1;
  const flush = (): void => {
    const body = text.trim();
    const colon = body.indexOf(':');
    if (body && colon > 0) out.push({ within: [...stack], ruleLine: stackLines[stackLines.length - 1] ?? 0, property: body.slice(0, colon).trim(), value: body.slice(colon + 1).trim(), line: textLine });
    text = '';
  };
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      const stop = end < 0 ? css.length : end + 2;
      line += (css.slice(i, stop).match(/\n/g) ?? []).length;
      i = stop - 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = css.indexOf(c, i + 1);
      const stop = end < 0 ? css.length - 1 : end;
      text += css.slice(i, stop + 1);
      i = stop;
      continue;
    }
    if (c === '\n') line++;
    if (!text.trim()) textLine = line;
    if (c === '{') {
      stack.push(text.trim().replace(/\s+/g, ' '));
      stackLines.push(textLine);
      text = '';
    } else if (c === '}') {
      flush();
      stack.pop();
      stackLines.pop();
    } else if (c === ';') {
      flush();
    } else {
      text += c;
    }
  }
  return out;
}

/** The selectors of every rule in a sheet (at-rules left out), each with its line. */
function selectors(css: string): { selector: string; line: number }[] {
  const seen = new Map<string, number>();
  for (const d of declarations(css)) {
    const rule = d.within[d.within.length - 1];
    if (rule && !rule.startsWith('@') && !seen.has(rule)) seen.set(rule, d.ruleLine);
  }
  return [...seen].map(([selector, line]) => ({ selector, line }));
}

// ---- raw colours ---------------------------------------------------------------------------------------------------

const NAMED_COLOURS = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
  cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray
  darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
  darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue
  firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew
  hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
  lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
  lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue
  mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred
  midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
  palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple
  rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue
  slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
  yellowgreen`.split(/\s+/),
);

/** The raw colours written in a value (hex, colour functions, colour names), quoted text left aside. */
function rawColours(value: string): string[] {
  const bare = value.replace(/(["'])[^"']*\1/g, '').replace(/url\([^)]*\)/g, '');
  const found = [...bare.matchAll(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi)].map((m) => m[0]);
  for (const word of bare.match(/(?<![\w-])[a-z]+(?![\w-])/gi) ?? []) if (NAMED_COLOURS.has(word.toLowerCase())) found.push(word);
  return found;
}

/** A colour variable is defined in :root (or a theme's :root inside an at-rule); nowhere else is a raw colour. */
function isVariableDefinition(d: Declaration): boolean {
  const rule = d.within[d.within.length - 1] ?? '';
  return d.property.startsWith('--') && rule.startsWith(':root');
}

function rawColourProblems(fileName: string, css: string, firstLine = 1): string[] {
  return declarations(css)
    .filter((d) => !isVariableDefinition(d))
    .flatMap((d) =>
      rawColours(d.value).map((c) => `${fileName}:${d.line + firstLine - 1}: ${d.within.join(' ')} { ${d.property}: ${d.value} } writes ${c}`),
    );
}

// ---- the components ------------------------------------------------------------------------------------------------

interface Component {
  file: string;
  styles: { css: string; scoped: boolean; line: number }[];
  /** class names its template sets, and the fixed starts of the ones it builds (`kind-${...}` gives `kind-`) */
  classes: Set<string>;
  classPrefixes: Set<string>;
}

interface TemplateNode {
  type: number;
  props?: { type: number; name: string; value?: { content: string }; arg?: { content?: string }; exp?: { content?: string } }[];
  children?: TemplateNode[];
}

function readComponent(file: string): Component {
  const { descriptor } = parse(readFileSync(file, 'utf8'), { filename: file });
  const classes = new Set<string>();
  const classPrefixes = new Set<string>();
  const visit = (node: TemplateNode): void => {
    for (const prop of node.props ?? []) {
      if (prop.type === 6 && prop.name === 'class') for (const c of prop.value?.content.split(/\s+/) ?? []) if (c) classes.add(c);
      if (prop.type === 7 && prop.name === 'bind' && prop.arg?.content === 'class') {
        const expression = prop.exp?.content ?? '';
        for (const [, text] of expression.matchAll(/'([^']*)'|"([^"]*)"/g)) for (const c of (text ?? '').split(/\s+/)) if (c) classes.add(c);
        for (const [, text] of expression.matchAll(/`([^`]*)`/g)) {
          const [start, ...rest] = (text ?? '').split('${');
          if (rest.length && start) classPrefixes.add(start);
          else if (start) classes.add(start);
        }
        for (const [, key] of expression.matchAll(/([A-Za-z_][\w-]*)\s*:/g)) classes.add(key!);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  if (descriptor.template?.ast) visit(descriptor.template.ast as unknown as TemplateNode);
  const styles = descriptor.styles.map((s) => ({ css: s.content, scoped: !!s.scoped, line: s.loc.start.line }));
  return { file: path.relative(SRC, file), styles, classes, classPrefixes };
}

function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return vueFiles(full);
    return entry.name.endsWith('.vue') ? [full] : [];
  });
}

const components = vueFiles(SRC).map(readComponent);
const baseSheet = readFileSync(BASE_SHEET, 'utf8');

function usersOf(className: string): string[] {
  return components
    .filter((c) => c.classes.has(className) || [...c.classPrefixes].some((prefix) => className.startsWith(prefix)))
    .map((c) => c.file);
}

/** Where a class in the base sheet belongs: in the base while two or more components use it, else with its user. */
function baseSheetProblems(css: string): string[] {
  const problems: string[] = [];
  for (const { selector, line } of selectors(css)) {
    if (selector.startsWith(':root')) continue;
    const named = selector.replace(/(["'])[^"']*\1/g, '').replace(/\[[^\]]*\]/g, '');
    for (const [, className] of named.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)) {
      if (UTILITIES.has(className!)) continue;
      const users = usersOf(className!);
      if (users.length === 0) problems.push(`styles.css:${line}: ${selector}: no component uses .${className}; delete the rule`);
      if (users.length === 1) problems.push(`styles.css:${line}: ${selector}: only ${users[0]} uses .${className}; move the rule into its <style scoped>`);
    }
  }
  return problems;
}

// ---- the tests -----------------------------------------------------------------------------------------------------

describe('the style sheets', () => {
  // guards the issue "Styles": 68 raw colours had been written beside the 132 uses of the variables
  it('write colours only through the variables defined in :root', () => {
    const problems = [
      ...rawColourProblems('styles.css', baseSheet),
      ...components.flatMap((c) => c.styles.flatMap((s) => rawColourProblems(c.file, s.css, s.line))),
    ];
    expect(problems).toEqual([]);
  });

  // guards the issue "Styles": styles.css had grown to 1,586 lines of rules for 23 components without a style of their own
  it('keep in the base sheet only classes that two or more components use', () => {
    expect(baseSheetProblems(baseSheet)).toEqual([]);
  });

  it('scope every component style block, so no component adds to the global sheet', () => {
    const unscoped = components.flatMap((c) => c.styles.filter((s) => !s.scoped).map((s) => `${c.file}:${s.line}`));
    expect(unscoped).toEqual([]);
  });

  it('catch a raw colour, a one-component class in the base, and leave variables and transparent alone', () => {
    expect(rawColourProblems('x.css', ':root { --card: #fff; color: var(--ink); }\n.a { border: 1px solid transparent; }')).toEqual([]);
    expect(rawColourProblems('x.css', '.a {\n  color: #fff;\n}')).toEqual(['x.css:2: .a { color: #fff } writes #fff']);
    expect(rawColourProblems('x.css', '.a { box-shadow: 0 1px 2px rgba(0, 0, 0, 0.1); }')).toHaveLength(1);
    expect(rawColourProblems('x.css', ".a { background: white; white-space: nowrap; content: 'red'; }")).toEqual([
      "x.css:1: .a { background: white } writes white",
    ]);
    expect(rawColourProblems('x.css', '.a { --local: #000; }')).toHaveLength(1);
    expect(baseSheetProblems('.card { margin: 0; }\n.tile-value { margin: 0; }')).toEqual([
      'styles.css:2: .tile-value: only views/EvaluateScreen.vue uses .tile-value; move the rule into its <style scoped>',
    ]);
    expect(baseSheetProblems('.no-such-thing { margin: 0; }')).toHaveLength(1);
  });
});
