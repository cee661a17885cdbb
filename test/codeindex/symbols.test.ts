import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageOf, scanSymbols } from '../../src/codeindex/symbols.js';

function has(names: string[], ...wanted: string[]): void {
  for (const w of wanted) assert.ok(names.includes(w), `${w} in ${JSON.stringify(names)}`);
}
function lacks(names: string[], ...unwanted: string[]): void {
  for (const w of unwanted) assert.ok(!names.includes(w), `${w} not in ${JSON.stringify(names)}`);
}

test('languages by extension', () => {
  assert.equal(languageOf('src/a.tsx'), 'ts');
  assert.equal(languageOf('lib/x.PY'), 'py');
  assert.equal(languageOf('include/x.hpp'), 'c');
  assert.equal(languageOf('Makefile'), undefined);
  assert.equal(languageOf('.rs'), undefined);
});

test('TypeScript and JavaScript definitions', () => {
  const names = scanSymbols(
    'a.ts',
    [
      'export async function loadSuite(root: string) {}',
      'export default class Suite<T> {',
      '  private readonly cache = new Map();',
      '  static create(): Suite {',
      '    if (x) {',
      '      return foo(1);',
      '    }',
      '  }',
      '  get size(): number { return 1; }',
      '}',
      'export interface RuleReport { file: string; }',
      'export type Severity = "error";',
      'export const enum Kind { A }',
      'const helper = () => 1;',
      'export { helper as publicHelper, other };',
    ].join('\n'),
  );
  has(
    names,
    'loadSuite',
    'Suite',
    'cache',
    'create',
    'size',
    'RuleReport',
    'Severity',
    'Kind',
    'helper',
    'publicHelper',
    'other',
  );
  lacks(names, 'if', 'return', 'foo', 'x');
});

test('Python definitions', () => {
  const names = scanSymbols(
    'a.py',
    'MAX_SIZE = 10\nclass Loader(Base):\n    retries: int = 3\n    async def fetch_all(self):\n        return 1\ndef main():\n    if x == 1:\n        pass\n',
  );
  has(names, 'MAX_SIZE', 'Loader', 'retries', 'fetch_all', 'main');
  lacks(names, 'Base', 'if', 'pass');
});

test('Rust definitions', () => {
  const names = scanSymbols(
    'a.rs',
    [
      'pub(crate) mod sched;',
      'pub struct CapTable {',
      '    pub slots: Vec<u32>,',
      '}',
      'pub enum State {',
      '    Ready,',
      '    Blocked(u32),',
      '}',
      'pub const fn run_init() {}',
      'unsafe extern "C" fn raw_entry() {}',
      'impl CapTable {',
      '    pub async fn insert_cap(&mut self) -> Result<(), Error> {',
      '        let x = 1;',
      '    }',
      '}',
      'macro_rules! cap_log { () => {} }',
      'static mut COUNTER: u32 = 0;',
    ].join('\n'),
  );
  has(
    names,
    'sched',
    'CapTable',
    'slots',
    'State',
    'Ready',
    'Blocked',
    'run_init',
    'raw_entry',
    'insert_cap',
    'cap_log',
    'COUNTER',
  );
  lacks(names, 'Result', 'let', 'x');
});

test('Go definitions, including grouped declarations, fields and interface methods', () => {
  const names = scanSymbols(
    'a.go',
    [
      'package ipam',
      'const ReuseDelay = 5',
      'var (',
      '\tErrPoolExhausted = errors.New("x")',
      '\terrA, errB error',
      ')',
      'type Allocator struct {',
      '\tmu sync.Mutex',
      '\tbyID map[string]int',
      '}',
      'type Releaser interface {',
      '\tRelease(id string) error',
      '}',
      'func NewAllocator() *Allocator {',
      '\treturn &Allocator{}',
      '}',
      'func (a *Allocator) Allocate(id string) {}',
    ].join('\n'),
  );
  has(
    names,
    'ipam',
    'ReuseDelay',
    'ErrPoolExhausted',
    'errA',
    'errB',
    'Allocator',
    'mu',
    'byID',
    'Releaser',
    'Release',
    'NewAllocator',
    'Allocate',
  );
  lacks(names, 'return');
});

test('C and C++ definitions', () => {
  const names = scanSymbols(
    'a.cc',
    [
      '#define MAX_CAPS 64',
      'typedef unsigned long cap_t;',
      'typedef struct {',
      '  int n;',
      '} table_t;',
      'enum Color { RED_LEVEL, GREEN_LEVEL };',
      'namespace kern {',
      'class Scheduler : public Base {',
      '};',
      'static int run_queue(struct task *t)',
      '{',
      '  return helper(t);',
      '}',
      'void Scheduler::tick(int n) {',
      'int declared_only(void);',
    ].join('\n'),
  );
  has(
    names,
    'MAX_CAPS',
    'cap_t',
    'table_t',
    'Color',
    'kern',
    'Scheduler',
    'run_queue',
    'tick',
    'declared_only',
  );
  lacks(names, 'return');
});

test('Java definitions', () => {
  const names = scanSymbols(
    'A.java',
    [
      'public final class Registry {',
      '  private static final int MAX = 3;',
      '  public <T> List<T> lookupAll(String name) {',
      '    return null;',
      '  }',
      '}',
      'record Point(int x, int y) {}',
      'enum Mode { FAST, SLOW; }',
    ].join('\n'),
  );
  has(names, 'Registry', 'MAX', 'lookupAll', 'Point', 'Mode');
});

test('an unknown language yields nothing', () => {
  assert.deepEqual(scanSymbols('notes.txt', 'def x(): pass'), []);
});
