/** A display label in the two languages GridLens ships. */
export interface LocalizedLabel {
  readonly 'zh-CN': string;
  readonly en: string;
}
