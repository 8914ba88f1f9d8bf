import type { MessageKey } from './zh-cn.js';

/** English messages; a missing key falls back to zh-CN. */
export const en: Partial<Record<MessageKey, string>> = {
  'app.name': 'Banshi',
  'app.tagline': 'Government services online',
  'nav.catalog': 'Services',
  'nav.myCases': 'My cases',
  'nav.workbench': 'Workbench',
  'nav.signIn': 'Sign in',
  'nav.signOut': 'Sign out',
  'nav.language': '中文',
  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.back': 'Back',
  'common.submit': 'Submit',
  'common.cancel': 'Cancel',
  'common.confirm': 'OK',
  'common.search': 'Search',
  'common.all': 'All',
  'common.none': 'None',
  'common.error': 'Something went wrong',
  'common.networkError': 'The network is unreachable; check the connection and retry',
  'common.workingDays': '{n} working days',
  'common.naturalDays': '{n} calendar days',
  'signIn.title': 'Sign in as a sample user',
  'signIn.hint': 'Local development: sample users of every role — applicant, agent, staff.',
  'signIn.as': 'Sign in as this user',
};
