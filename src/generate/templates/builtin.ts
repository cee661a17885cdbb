// The built-in scaffold templates. Placeholders: {{title}}, {{purpose}}, {{metadata}} (the
// status / owner / last-reviewed lines, or nothing when the doc gets front matter),
// {{date}}, {{number}}, {{path}}. A user template of the same name (in the `templates`
// folder) replaces one of these.

export type BuiltinTemplate = 'adr' | 'spec' | 'runbook' | 'guide' | 'overview' | 'doc';

export interface TemplateDef {
  name: string;
  /** What it is for, for `--dry-run` and the docs. */
  description: string;
  /** Root-relative path globs that choose it (built-ins are tried in list order). */
  paths: string[];
  text: string;
}

const ADR = `# {{title}}

{{metadata}}

## Status

Proposed on {{date}}.

## Context

The problem that needs a decision: the forces at play, the constraints, and what
happens if nothing is decided.

## Options

Each option that was seriously considered, with what it costs and what it buys.

## Decision

What we will do, stated so that someone can later tell whether it was done.

## Consequences

What becomes easier, what becomes harder, and what has to be revisited because of it.
`;

const SPEC = `# {{title}}

{{metadata}}

{{purpose}}

## Goals

What this design must achieve, in terms someone can check.

## Non-goals

What it deliberately leaves out, so nobody waits for it.

## Design

How it works: the parts, the data they keep, and how a request moves through them.

## Interfaces

The APIs, commands, files or events other components use, with their guarantees.

## Failure semantics

What happens when a dependency is slow, down or wrong, and what the caller sees.

## Rollout

How it reaches production, how it is switched on, and how it is switched off again.

## Open questions

Decisions still to make, each with who makes it.
`;

const RUNBOOK = `# {{title}}

{{metadata}}

{{purpose}}

## When to use this

The alert, symptom or request that brings someone here.

## Before you start

Access, tools and checks needed first; what not to do under pressure.

## Steps

1. Each step as one command or action, with what its output should look like.

## Verification

How to tell that it worked.

## Rollback

How to undo the steps if something goes wrong halfway.

## Escalation

Who to call when this runbook does not help, and what to tell them.
`;

const GUIDE = `# {{title}}

{{metadata}}

{{purpose}}

## Who this is for

The reader this guide assumes, and what they should know already.

## Prerequisites

What has to be installed, granted or running before the first step.

## Steps

1. One task per step, in the order a newcomer would do them.

## Next steps

Where to go once this works.
`;

const OVERVIEW = `# {{title}}

{{metadata}}

{{purpose}}

## Components

The parts, one short paragraph each, with a link to each part's own doc.

## How it fits together

How a typical request or change moves through the parts.

## Where to go next

The docs to read after this one, by what the reader wants to do.
`;

const DOC = `# {{title}}

{{metadata}}

{{purpose}}
`;

const DECISION_DIRS = '{adr,adrs,ADR,ADRs,Adr,Adrs,decisions,decision-records}';

/** In the order they are tried; `doc` matches everything. */
export const BUILTIN_TEMPLATES: Record<BuiltinTemplate, TemplateDef> = {
  adr: {
    name: 'adr',
    description: 'decision record: status, context, options, decision, consequences',
    paths: [`**/${DECISION_DIRS}/**`],
    text: ADR,
  },
  runbook: {
    name: 'runbook',
    description: 'runbook: when to use it, steps, verification, rollback, escalation',
    paths: [
      '**/{runbook,runbooks,playbook,playbooks,operations,ops,oncall,on-call}/**',
      '**/*{-runbook,_runbook,.runbook}.md',
    ],
    text: RUNBOOK,
  },
  spec: {
    name: 'spec',
    description: 'spec: goals, non-goals, design, interfaces, failure semantics, rollout',
    paths: ['**/{spec,specs,rfc,rfcs,design,designs,proposals}/**', '**/*{-spec,_spec}.md'],
    text: SPEC,
  },
  guide: {
    name: 'guide',
    description: 'guide: audience, prerequisites, steps, next steps',
    paths: ['**/{guide,guides,tutorial,tutorials,how-to,howto,how-tos,howtos}/**'],
    text: GUIDE,
  },
  overview: {
    name: 'overview',
    description: 'overview: components, how they fit together, where to go next',
    paths: [
      '**/{README,readme,Readme,index,overview,OVERVIEW,Overview}.{md,markdown}',
      '{README,readme,index,overview}.{md,markdown}',
      '**/architecture/**',
    ],
    text: OVERVIEW,
  },
  doc: {
    name: 'doc',
    description: 'any other doc: title, metadata and a purpose paragraph',
    paths: ['**'],
    text: DOC,
  },
};
