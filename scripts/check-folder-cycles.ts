/**
 * Folder-level import cycles. dependency-cruiser's `no-circular` rule sees cycles between files;
 * two feature folders can still depend on each other through different files (A/x → B/index,
 * B/y → A/index) without any file cycle. This collapses dependency-cruiser's graph to folders
 * (`bot/src/<folder>/`) and fails on any cycle there, naming it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

interface CruiseModule {
  readonly source: string;
  readonly dependencies: readonly { readonly resolved: string }[];
}

const ROOT = path.resolve(__dirname, '..');
const depcruise = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const output = execFileSync(
  process.execPath,
  [
    depcruise,
    'bot/src',
    '--config',
    '.dependency-cruiser.cjs',
    '--collapse',
    '^bot/src/[^/]+/',
    '--output-type',
    'json',
  ],
  { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const modules = (JSON.parse(output) as { modules: CruiseModule[] }).modules;
const folder = /^bot\/src\/[^/]+\/$/;
const edges = new Map<string, string[]>();
for (const module of modules) {
  if (!folder.test(module.source)) continue;
  const targets = module.dependencies
    .map((dependency) => dependency.resolved)
    .filter((target) => folder.test(target) && target !== module.source);
  edges.set(module.source, targets);
}

const cycles: string[][] = [];
const state = new Map<string, 'open' | 'done'>();
const stack: string[] = [];
const visit = (node: string): void => {
  state.set(node, 'open');
  stack.push(node);
  for (const next of edges.get(node) ?? []) {
    if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(node, 'done');
};
for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);

if (cycles.length > 0) {
  for (const cycle of cycles)
    console.error(`folder cycle: ${cycle.map((name) => name.slice(8, -1)).join(' → ')}`);
  process.exit(1);
}
console.log(`no folder cycles among ${edges.size} folders of bot/src`);
