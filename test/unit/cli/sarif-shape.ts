import { DOCS_BASE_URL } from '../../../src/cli/format-sarif.js';

type Json = Record<string, unknown>;

/**
 * Checks a SARIF log against the parts of the SARIF 2.1.0 schema, and of GitHub code scanning's
 * requirements, that Layerwise writes. Returns one line per problem; none means it conforms.
 */
export function checkSarifShape(log: unknown): string[] {
  const problems: string[] = [];
  const expect = (condition: boolean, what: string) => {
    if (!condition) problems.push(what);
  };
  const isObject = (value: unknown): value is Json =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const hasText = (value: unknown) =>
    isObject(value) && typeof value.text === 'string' && value.text.length > 0;
  const isPositive = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;

  if (!isObject(log)) return ['the log is not an object'];
  expect(log.version === '2.1.0', 'version is 2.1.0');
  expect(typeof log.$schema === 'string', '$schema is a string');
  const runs = log.runs;
  if (!Array.isArray(runs) || runs.length !== 1) return [...problems, 'one run'];
  const run = runs[0] as Json;
  const driver = isObject(run.tool) ? run.tool.driver : undefined;
  if (!isObject(driver)) return [...problems, 'run.tool.driver is an object'];

  expect(driver.name === 'Layerwise', 'driver.name');
  expect(typeof driver.version === 'string', 'driver.version');
  expect(typeof driver.informationUri === 'string', 'driver.informationUri');
  const rules = Array.isArray(driver.rules) ? (driver.rules as Json[]) : [];
  expect(rules.length > 0, 'driver.rules is a non-empty array');
  rules.forEach((rule, index) => {
    const at = `rules[${index}] (${String(rule.id)})`;
    expect(typeof rule.id === 'string', `${at}.id`);
    expect(typeof rule.name === 'string', `${at}.name`);
    expect(hasText(rule.shortDescription), `${at}.shortDescription.text`);
    expect(hasText(rule.fullDescription), `${at}.fullDescription.text`);
    const help = rule.help as Json | undefined;
    expect(hasText(help) && typeof help?.markdown === 'string', `${at}.help text and markdown`);
    expect(rule.helpUri === `${DOCS_BASE_URL}docs/rules/${String(rule.id)}.md`, `${at}.helpUri`);
    const level = (rule.defaultConfiguration as Json | undefined)?.level;
    expect(['error', 'warning', 'note'].includes(String(level)), `${at}.defaultConfiguration`);
  });

  const results = Array.isArray(run.results) ? (run.results as Json[]) : undefined;
  if (!results) return [...problems, 'run.results is an array'];
  results.forEach((result, index) => {
    const at = `results[${index}]`;
    const rule = rules[result.ruleIndex as number];
    expect(rule !== undefined && rule.id === result.ruleId, `${at}.ruleIndex points at ruleId`);
    expect(['error', 'warning', 'note'].includes(String(result.level)), `${at}.level`);
    expect(hasText(result.message), `${at}.message.text`);
    const locations = [
      ...(Array.isArray(result.locations) ? (result.locations as Json[]) : []),
      ...(Array.isArray(result.relatedLocations) ? (result.relatedLocations as Json[]) : []),
    ];
    expect(Array.isArray(result.locations) && result.locations.length === 1, `${at}.locations`);
    for (const location of locations) {
      const physical = location.physicalLocation as Json | undefined;
      const artifact = physical?.artifactLocation as Json | undefined;
      const uri = String(artifact?.uri);
      expect(!/^[a-z]+:|^\//i.test(uri) && uri.length > 0, `${at} uri "${uri}" is relative`);
      expect(artifact?.uriBaseId === '%SRCROOT%', `${at} uriBaseId`);
      const region = physical?.region as Json | undefined;
      const fields = ['startLine', 'startColumn', 'endLine', 'endColumn'];
      expect(
        isObject(region) && fields.every((name) => isPositive(region[name])),
        `${at} region has 1-based ${fields.join(', ')}`,
      );
    }
    const fingerprints = result.partialFingerprints;
    expect(
      isObject(fingerprints) && Object.values(fingerprints).every((v) => typeof v === 'string'),
      `${at}.partialFingerprints`,
    );
  });
  return problems;
}
