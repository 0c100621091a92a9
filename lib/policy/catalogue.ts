/**
 * The default disclosure catalogue (信息类别): the 15 items of article 7 of the county measures
 * (平罗县政务公开信息网上发布管理办法, 2018), in the article's own words. Ids '01'–'15' follow the
 * article's numbering and are what the demo CMS's 信息类别 select submits. The longest items are cut
 * after their subject so they fit a select box; the cut never changes which category is meant.
 */
export interface CatalogueEntry {
  id: string;
  name: string;
}

export const ARTICLE_7_CATALOGUE: readonly CatalogueEntry[] = [
  { id: '01', name: '机构设置、职能，领导个人情况简介' },
  { id: '02', name: '规范性文件以及规范性文件清理结果' },
  { id: '03', name: '干部任免、公务员招录等人事管理情况' },
  // full: 国民经济和社会发展规划、专项规划、区域规划及相关政策
  { id: '04', name: '国民经济和社会发展规划、专项规划、区域规划' },
  { id: '05', name: '国民经济和社会发展统计信息' },
  { id: '06', name: '财政预算、决算报告' },
  { id: '07', name: '行政事业性收费项目、依据、标准' },
  { id: '08', name: '政府集中采购项目目录、标准及实施情况' },
  // full: …，行政执法证件、名称、式样等
  { id: '09', name: '行政执法的主体、权限、依据，行政自由裁量规范' },
  // full: 行政许可和公共服务事项、依据、条件、数量、程序、期限以及申请行政许可需要提交的全部材料目录及办理情况
  { id: '10', name: '行政许可和公共服务事项及办理情况' },
  { id: '11', name: '重大建设项目的批准和实施情况' },
  // full: 扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况
  { id: '12', name: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施' },
  // full: …产品质量的监督检查情况
  { id: '13', name: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查' },
  { id: '14', name: '突发公共事件的应急预案、预警信息及应对情况' },
  { id: '15', name: '其他依照法律、法规、规章和有关规定应当主动公开的' },
];
