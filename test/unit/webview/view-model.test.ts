import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildViewModel,
  DEFAULT_VIEW_OPTIONS,
  type ViewModel,
} from '../../../src/protocol/view-model.js';
import { keyOf, sampleData, workload } from './sample-data.js';

function layout(model: ViewModel): string[] {
  return model.boxes.map(
    (box) =>
      `${box.title}: ` +
      box.runtimes
        .map((runtime) => `${runtime.kernel}[${runtime.cards.map((c) => c.workload.name)}]`)
        .join(' '),
  );
}

describe('buildViewModel', () => {
  it('draws pools and shared nodes as outer boxes, runtimes inside', () => {
    const model = buildViewModel(sampleData(), DEFAULT_VIEW_OPTIONS);
    assert.deepEqual(layout(model), [
      'Dedicated pool cloud.google.com/gke-nodepool=gpu: shared[train]',
      'Shared nodes: shared[api] sandboxed[runner] vm[erp]',
    ]);
    assert.equal(model.shown, 4);
    assert.equal(model.inScope, 4);
  });

  it('counts the workloads below their recommendation per box and in all', () => {
    const model = buildViewModel(sampleData(), DEFAULT_VIEW_OPTIONS);
    assert.deepEqual(
      model.boxes.map((box) => [box.workloadCount, box.mismatchCount]),
      [
        [1, 0],
        [3, 1],
      ],
    );
    assert.equal(model.mismatchCount, 1);
  });

  it('groups by namespace and by first role', () => {
    const byNamespace = buildViewModel(sampleData(), {
      ...DEFAULT_VIEW_OPTIONS,
      groupBy: 'namespace',
    });
    assert.deepEqual(
      byNamespace.boxes.map((box) => box.title),
      ['ci', 'legacy', 'ml', 'payments'],
    );
    const byRole = buildViewModel(sampleData(), { ...DEFAULT_VIEW_OPTIONS, groupBy: 'role' });
    assert.deepEqual(
      byRole.boxes.map((box) => box.title),
      ['full-os', 'gpu-training', 'regulated', 'untrusted'],
    );
  });

  it('keeps to the current file when the scope says so', () => {
    const model = buildViewModel(sampleData(), { ...DEFAULT_VIEW_OPTIONS, scope: 'file' });
    assert.deepEqual(layout(model), ['Shared nodes: shared[api]']);
    assert.equal(model.inScope, 1);
  });

  it('filters on every word, over names, roles, layers and rule ids', () => {
    const filter = (text: string) =>
      buildViewModel(sampleData(), { ...DEFAULT_VIEW_OPTIONS, filter: text }).boxes.flatMap((box) =>
        box.runtimes.flatMap((runtime) => runtime.cards.map((c) => c.workload.name)),
      );
    assert.deepEqual(filter('GPU'), ['train']);
    assert.deepEqual(filter('sandboxed'), ['runner']);
    assert.deepEqual(filter('layering-regulated'), ['api']);
    assert.deepEqual(filter('shared   untrusted'), ['runner']);
    assert.deepEqual(filter('nothing-like-this'), []);
  });

  it('links cards both ways and says which links share a kernel or were flagged', () => {
    const model = buildViewModel(sampleData(), DEFAULT_VIEW_OPTIONS);
    const api = model.boxes[1]?.runtimes[0]?.cards[0];
    assert.deepEqual(api?.links, [
      {
        key: keyOf('Job/ci/runner', 'file:///work/ci.yaml'),
        label: 'Job ci/runner',
        flagged: true,
        sharesKernel: false,
        shown: true,
      },
    ]);
    const filtered = buildViewModel(sampleData(), { ...DEFAULT_VIEW_OPTIONS, filter: 'api' });
    assert.equal(filtered.boxes[0]?.runtimes[0]?.cards[0]?.links[0]?.shown, false);
  });

  it('attaches findings to their workload and keeps the others apart', () => {
    const model = buildViewModel(sampleData(), DEFAULT_VIEW_OPTIONS);
    const api = model.boxes[1]?.runtimes[0]?.cards[0];
    assert.deepEqual(
      api?.findings.map((f) => f.ruleId),
      ['layering-regulated-shared-nodes'],
    );
    assert.deepEqual(
      model.looseFindings.map((f) => f.ruleId),
      ['yaml-syntax'],
    );
  });

  it('puts workloads whose layers are unknown in a box of their own', () => {
    const data = {
      activePath: null,
      findings: [],
      workloads: [workload({ id: 'Pod/default/x', isolation: null })],
    };
    assert.deepEqual(layout(buildViewModel(data, DEFAULT_VIEW_OPTIONS)), [
      'Nodes not known: unknown[x]',
    ]);
  });

  it('orders cards that need more isolation first, then by id', () => {
    const data = sampleData();
    data.workloads.push(workload({ id: 'Deployment/aaa/first' }));
    const shared = buildViewModel(data, DEFAULT_VIEW_OPTIONS).boxes[1]?.runtimes[0];
    assert.deepEqual(
      shared?.cards.map((card) => card.workload.name),
      ['api', 'first'],
    );
  });

  it('builds 500 workloads quickly', () => {
    const data = sampleData();
    for (let i = 0; i < 500; i += 1) {
      data.workloads.push(
        workload({
          id: `Deployment/ns${i % 20}/w${i}`,
          colocatedWith: [keyOf('Deployment/ns0/w0')],
        }),
      );
    }
    const started = performance.now();
    const model = buildViewModel(data, { ...DEFAULT_VIEW_OPTIONS, filter: 'ns1' });
    assert.ok(model.shown > 0);
    assert.ok(performance.now() - started < 200, 'took longer than 200 ms');
  });
});
