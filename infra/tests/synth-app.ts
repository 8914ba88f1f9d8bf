/**
 * Builds the Banshi CDK app the way bin/banshi.ts does, offline, for the tests: a tiny fixture
 * stands in for web/dist, and cdk-nag's AwsSolutions pack is registered as a validation plugin.
 */
import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadApiFunctionSpecs, type ApiFunctionSpec } from '../lib/api-functions.js';
import { BanshiStack } from '../lib/banshi-stack.js';
import { stageSettings } from '../lib/stages.js';

export const WEB_FIXTURE = resolve(import.meta.dirname, 'fixtures/web');

export interface SynthesizedBanshi {
  app: App;
  stack: BanshiStack;
  template: Template;
  nag: AwsSolutionsChecks;
  apiFunctions: ApiFunctionSpec[];
}

process.env.CDK_DISABLE_VERSION_CHECK = '1';

/** Synthesizes one stage of the app (default dev) with the fixture web folder. */
export async function synthBanshi(context: Record<string, string> = {}, webDistDir: string | undefined = WEB_FIXTURE): Promise<SynthesizedBanshi> {
  const app = new App({ context: { stage: 'dev', ...context } });
  const nag = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(nag);
  const settings = stageSettings(app.node);
  const apiFunctions = await loadApiFunctionSpecs();
  const stack = new BanshiStack(app, `Banshi-${settings.stage}`, { settings, apiFunctions, webDistDir });
  const template = Template.fromStack(stack);
  return { app, stack, template, nag, apiFunctions };
}
