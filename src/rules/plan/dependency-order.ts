import { looksLikeDocPath, resolveNamedPath } from '../../model/named-path.js';
import { type Plan, plansOf } from '../../model/plan.js';
import { resolveLink } from '../../model/resolve.js';
import type { Suite } from '../../model/suite.js';
import type { Range } from '../../parse/types.js';
import type { Rule } from '../types.js';

/** Prose that says a plan's items are ordered by dependency. */
export const ORDER_CLAIM =
  /\b(?:in|by)\s+(?:the\s+)?(?:order\s+of\s+)?dependenc(?:y|ies)(?:\s+order)?\b|\bdependency[-\s]ordered\b|\bordered\s+by\s+(?:their\s+)?dependenc|\btopologically\s+(?:ordered|sorted)\b/i;

const DEPENDS = /^(?:depends\s+on|dependencies|requires|prerequisites?|after|blocked\s+by)$/i;
const ITEM_NUMBER = /^(\d+(?:\.\d+)+)(?![\w.])/;

export const dependencyOrder: Rule = {
  id: 'plan/dependency-order',
  severity: 'warning',
  description:
    'In a plan whose text says its items are ordered by dependency (or with `plans.ordered: true`): an item that depends on an item further down (a `Depends on:` line naming a later item number), or an item whose doc links to a doc that the plan schedules in a later phase. Either the order or the dependency is wrong.',
  check(suite, report) {
    for (const plan of plansOf(suite)) {
      if (!isOrdered(suite, plan)) continue;
      dependsLines(plan, report);
      docLinks(suite, plan, report);
    }
  },
};

function isOrdered(suite: Suite, plan: Plan): boolean {
  if (suite.config.plans.ordered) return true;
  const text = suite.sources.get(plan.path);
  return text !== undefined && ORDER_CLAIM.test(text);
}

type Report = Parameters<Rule['check']>[1];

/** `Depends on: 2.3` under item 2.1: the dependency comes later. */
function dependsLines(plan: Plan, report: Report): void {
  const { headings } = plan.doc;
  const items = new Map<string, number>();
  headings.forEach((h, i) => {
    const m = ITEM_NUMBER.exec(h.text.trim());
    if (m && !items.has(m[1] as string)) items.set(m[1] as string, i);
  });
  if (items.size === 0) return;
  for (const para of plan.doc.labelled ?? []) {
    if (!DEPENDS.test(para.label.trim())) continue;
    // The item the line belongs to: the nearest numbered heading above it.
    let item = -1;
    for (let h = para.heading; h >= 0; h = headings[h]?.parent ?? -1) {
      if (ITEM_NUMBER.test(headings[h]?.text.trim() ?? '')) {
        item = h;
        break;
      }
    }
    if (item === -1) continue;
    const self = ITEM_NUMBER.exec(headings[item]?.text.trim() ?? '')?.[1] as string;
    for (const m of para.text.matchAll(/\b\d+(?:\.\d+)+\b/g)) {
      const dep = items.get(m[0]);
      if (dep === undefined || dep <= item) continue;
      const later = phaseName(plan, dep);
      report({
        file: plan.path,
        range: para.range,
        message: `${self} depends on ${m[0]}, which the plan lists after it${later ? ` (in "${later}")` : ''}; the plan says its items are ordered by dependency`,
        related: [
          {
            file: plan.path,
            line: headings[dep]?.range.line ?? 1,
            column: headings[dep]?.range.column ?? 1,
            message: `item ${m[0]}`,
          },
        ],
      });
    }
  }
}

function phaseName(plan: Plan, heading: number): string | null {
  for (let h = heading; h >= 0; h = plan.doc.headings[h]?.parent ?? -1) {
    const phase = plan.phases.find((p) => p.heading === h);
    if (phase) return phase.name;
  }
  return null;
}

/** The phase (index) of a heading, or -1. */
function phaseOf(plan: Plan, heading: number): number {
  for (let h = heading; h >= 0; h = plan.doc.headings[h]?.parent ?? -1) {
    const i = plan.phases.findIndex((p) => p.heading === h);
    if (i !== -1) return i;
  }
  return -1;
}

/** An item that is about a doc starts with it: `[Spec](x.md) — …`, `` `x.md` ``, `Write [x](x.md)`. */
const SUBJECT =
  /^(?:\[[ xX]\]\s+)?[*_]*(?:(?:write|draft|spec|specify|document|author|finish|complete|review|update|create|add)\s+(?:the\s+)?)?[*_]*(?:\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)|`([^`]+)`)/i;

/**
 * An item in phase N is about a doc (the item starts with its link or path, or its heading
 * links it) that links to a doc the plan puts in a later phase. Docs merely cited in an
 * item's text (`… ([ADR 0001](…))`) are context, not the item's doc.
 */
function docLinks(suite: Suite, plan: Plan, report: Report): void {
  if (plan.phases.length < 2) return;
  // Each doc an item is about, with the first phase that has it and where.
  const named = new Map<string, { phase: number; range: Range }>();
  const note = (path: string | null, heading: number, range: Range) => {
    if (path === null || path === plan.path) return;
    const phase = phaseOf(plan, heading);
    if (phase === -1 || named.has(path)) return;
    named.set(path, { phase, range });
  };
  const pathOf = (dest: string | undefined, code: string | undefined): string | null => {
    if (dest !== undefined) {
      const target = resolveLink(plan.path, dest);
      return target.kind === 'local' && suite.docs.has(target.path) ? target.path : null;
    }
    if (code === undefined || !looksLikeDocPath(code, suite.config.extensions)) return null;
    const found = resolveNamedPath(suite, plan.path, code, basesOf(suite));
    return found.kind === 'found' || found.kind === 'planned' ? found.path : null;
  };
  const headingLines = new Map(plan.doc.headings.map((h, i) => [h.range.line, i]));
  const items: { line: number; heading: number; range: Range; path: string | null }[] = [];
  for (const { link, target } of suite.links(plan.path)) {
    const h = headingLines.get(link.range.line);
    if (h === undefined || target.kind !== 'local' || !suite.docs.has(target.path)) continue;
    items.push({ line: link.range.line, heading: h, range: link.range, path: target.path });
  }
  for (const item of plan.doc.listItems ?? []) {
    const m = SUBJECT.exec(item.text);
    if (!m) continue;
    items.push({
      line: item.range.line,
      heading: item.heading,
      range: item.range,
      path: pathOf(m[1], m[2]),
    });
  }
  items.sort((a, b) => a.line - b.line);
  for (const item of items) note(item.path, item.heading, item.range);
  const sorted = [...named].sort((a, b) => a[1].range.line - b[1].range.line);
  for (const [path, at] of sorted) {
    if (!suite.docs.has(path)) continue;
    const reported = new Set<string>();
    for (const { target } of suite.links(path)) {
      if (target.kind !== 'local' || reported.has(target.path)) continue;
      const later = named.get(target.path);
      if (!later || later.phase <= at.phase) continue;
      reported.add(target.path);
      report({
        file: plan.path,
        range: at.range,
        message: `${path} (in "${plan.phases[at.phase]?.name}") links to ${target.path}, which the plan schedules later (in "${plan.phases[later.phase]?.name}"); the plan says its items are ordered by dependency`,
        related: [
          {
            file: plan.path,
            line: later.range.line,
            column: later.range.column,
            message: `${target.path} in the plan`,
          },
        ],
      });
    }
  }
}

function basesOf(suite: Suite): string[] {
  const base = suite.config.plans.base.trim();
  return base === '' ? [] : [base];
}
