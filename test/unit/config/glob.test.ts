import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGlob, Glob } from '../../../src/core/config/glob.js';

function matching(glob: string, paths: string[]): string[] {
  const compiled = new Glob(glob);
  return paths.filter((path) => compiled.matches(path));
}

const PATHS = [
  'deploy.yaml',
  'deploy.yml',
  'app/deploy.yaml',
  'app/base/deploy.yaml',
  'vendor/chart/values.yaml',
  'vendor',
  'a.b/x.yaml',
  'axb/x.yaml',
];

describe('Glob', () => {
  it('keeps * inside one segment', () => {
    assert.deepEqual(matching('*.yaml', PATHS), ['deploy.yaml']);
    assert.deepEqual(matching('app/*.yaml', PATHS), ['app/deploy.yaml']);
  });

  it('matches one character with ?', () => {
    assert.deepEqual(matching('deploy.y?l', PATHS), ['deploy.yml']);
  });

  it('matches any number of segments with **, none included', () => {
    assert.deepEqual(matching('**/deploy.yaml', PATHS), [
      'deploy.yaml',
      'app/deploy.yaml',
      'app/base/deploy.yaml',
    ]);
    assert.deepEqual(matching('app/**/deploy.yaml', PATHS), [
      'app/deploy.yaml',
      'app/base/deploy.yaml',
    ]);
    assert.deepEqual(matching('**', PATHS), PATHS);
  });

  it('matches everything inside a matched folder', () => {
    assert.deepEqual(matching('vendor', PATHS), ['vendor/chart/values.yaml', 'vendor']);
    assert.deepEqual(matching('vendor/**', PATHS), ['vendor/chart/values.yaml']);
    assert.deepEqual(matching('app/base/', PATHS), ['app/base/deploy.yaml']);
  });

  it('takes other characters literally', () => {
    assert.deepEqual(matching('a.b/*', PATHS), ['a.b/x.yaml']);
    assert.deepEqual(matching('(x)', ['(x)', 'x']), ['(x)']);
  });

  it('ignores a leading ./ and backslashes', () => {
    assert.deepEqual(matching('./app/*.yaml', PATHS), ['app/deploy.yaml']);
    assert.deepEqual(matching('app\\*.yaml', PATHS), ['app/deploy.yaml']);
  });
});

describe('checkGlob', () => {
  it('accepts relative globs', () => {
    assert.equal(checkGlob('vendor/**'), undefined);
  });

  it('rejects empty, absolute and escaping globs', () => {
    assert.equal(checkGlob('  '), 'it is empty');
    assert.equal(checkGlob('/etc/*.yaml'), 'it must be relative to the configuration folder');
    assert.equal(checkGlob('../x/*.yaml'), 'it must not leave the configuration folder');
  });
});
