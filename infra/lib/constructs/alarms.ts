/** Where alarms go: an encrypted SNS topic, mailed to the stage's alarm address when there is one. */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { StageSettings } from '../stages.js';
import { StackPart } from './stack-part.js';

export interface AlarmsProps {
  settings: StageSettings;
  /** Encrypts the topic (CloudWatch may use it: see Data). */
  key: kms.IKey;
}

export class Alarms extends StackPart {
  readonly topic: sns.Topic;
  readonly action: SnsAction;

  constructor(scope: Construct, id: string, { settings, key }: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', { masterKey: key, enforceSSL: true, displayName: 'Banshi alarms' });
    if (settings.alarmEmail) {
      new sns.Subscription(this, 'AlarmMail', { topic: this.topic, protocol: sns.SubscriptionProtocol.EMAIL, endpoint: settings.alarmEmail });
    }
    this.action = new SnsAction(this.topic);
  }

  /** Alarms at one or more in five minutes of `metric`, into the topic. */
  whenAny(scope: Construct, id: string, metric: cloudwatch.IMetric, alarmDescription: string): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(scope, id, {
      alarmDescription,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}

/** The period alarms count over. */
export const ALARM_PERIOD = Duration.minutes(5);
