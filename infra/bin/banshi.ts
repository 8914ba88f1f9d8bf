/**
 * The CDK app: one Banshi stack for the stage named in context (`-c stage=dev|prod`, default dev).
 * Synthesizes offline: no lookups, an environment-agnostic stack unless `account` and `region`
 * are given in context.
 */
import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BanshiStack } from '../lib/banshi-stack.js';
import { loadApiFunctionSpecs, REPO_ROOT } from '../lib/api-functions.js';
import { stageSettings } from '../lib/stages.js';

const app = new App();
// Every synth checks cdk-nag's AwsSolutions pack: an unacknowledged finding fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const settings = stageSettings(app.node);
const account = app.node.tryGetContext('account') as string | undefined;
const region = app.node.tryGetContext('region') as string | undefined;

new BanshiStack(app, `Banshi-${settings.stage}`, {
  settings,
  apiFunctions: await loadApiFunctionSpecs(),
  webDistDir: resolve(REPO_ROOT, 'web/dist'),
  description: `Banshi (办事) ${settings.stage}: service items, cases, workbench`,
  ...(account && region ? { env: { account, region } } : {}),
  tags: { project: 'banshi', stage: settings.stage },
});

app.synth();
