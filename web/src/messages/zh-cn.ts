/** zh-CN messages: the reference table; every key exists here. */
export const zhCN = {
  'app.name': '办事',
  'app.tagline': '政务服务事项在线办理',
  'nav.catalog': '办事大厅',
  'nav.myCases': '我的办件',
  'nav.workbench': '工作台',
  'nav.signIn': '登录',
  'nav.signOut': '退出',
  'nav.language': 'English',
  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.back': '返回',
  'common.submit': '提交',
  'common.cancel': '取消',
  'common.confirm': '确定',
  'common.search': '搜索',
  'common.all': '全部',
  'common.none': '暂无',
  'common.error': '出错了',
  'common.networkError': '网络连接失败，请检查网络后重试',
  'common.workingDays': '{n} 个工作日',
  'common.naturalDays': '{n} 个自然日',
  'signIn.title': '选择示例用户登录',
  'signIn.hint': '本地开发环境：以下为示例用户，登录后可体验申请人、代办员与工作人员的操作。',
  'signIn.as': '以此身份登录',
} as const;

export type MessageKey = keyof typeof zhCN;
