/** The shared code-tabs component: HTML renderer, client script builder and stylesheet path. */
export { renderTabs } from './render-tabs.ts'
export { buildTabsClient, tabsClientSource, tabsCssFile } from './build-client.ts'
export { tabKey, tabAliases } from './slug.ts'
export type { TabGroup, TabItem, RenderTabsOptions } from './types.ts'
