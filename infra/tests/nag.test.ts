import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { StackPart } from '../lib/constructs/stack-part.js';
import { synthBanshi, type SynthesizedBanshi } from './synth-app.js';

let synthesized: SynthesizedBanshi;

beforeAll(async () => {
  // synthBanshi registers AwsSolutionsChecks with Validations.of(app) and synthesizes: CDK's
  // policy validation throws on any unacknowledged finding, so getting here already says "none".
  synthesized = await synthBanshi();
}, 240_000);

interface Acknowledgement {
  path: string;
  /** The construct id of the resource below the stack (the parts that group resources left out). */
  resource: string;
  id: string;
  reason: string;
}

function acknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => {
        const data = entry.data as Record<string, string> | { id: string; reason: string }[];
        const pairs = Array.isArray(data) ? data.map((d) => [d.id, d.reason] as const) : Object.entries(data);
        const scopes = construct.node.scopes;
        const [resource = ''] = scopes.slice(scopes.indexOf(Stack.of(construct)) + 1).filter((scope) => !(scope instanceof StackPart)).map((scope) => scope.node.id);
        return pairs.map(([id, reason]) => ({ path: construct.node.path, resource, id, reason: String(reason) }));
      }),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged error or warning', () => {
    const report = synthesized.nag.validateScope(synthesized.stack);
    const findings = report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath ?? r.resourceLogicalId}`));
    expect(findings).toEqual([]);
  });

  it('names the resource and a specific reason in every acknowledgement', () => {
    const acks = acknowledgements(synthesized.stack).filter((a) => a.id.includes('AwsSolutions'));
    expect(acks.length).toBeGreaterThan(0);
    for (const { resource, ...ack } of acks) {
      expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(60);
      // The reason says which resource it is about: its construct id, or what it is (a route, CDK's provider).
      expect(ack.reason.includes(resource.replace(/-[^-]*$/, '')) || /\/api\/|BucketDeployment/.test(ack.reason), `${ack.path} ${ack.id}: ${ack.reason}`).toBe(true);
    }
  });
});
