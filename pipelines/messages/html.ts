/**
 * The page's own words (reports/html): its toolbar, buttons and filters, not the bulletin's
 * text (reports/text). The page's script counts the milestones a filter leaves with the words
 * the page gives it (`data-count-before`, `data-count-after` on the count), so that they are
 * written here only.
 */
export const htmlMessages = {
  skipToText: '跳到正文',
  toolbar: '查看',
  unit: '单位',
  noUnit: '（未选择）',
  print: '打印',
  dataTable: '数据表',
  all: '全部',
  filterMilestones: '筛选重点工作节点',
  /** 共N个节点, split around the number for the page's script. */
  milestoneCount: { before: '共', after: '个节点' },
} as const;
