/** A widget's model, built again only when what it is built from changed. */
import type { Dataset } from './contract.js';
import type { Lang } from './messages.js';

/** The model last built, kept while its dataset, language and options (`key`) stay the same. */
export class ModelCache<M> {
  /** The model last built (also what `widget-ready` was sent for). */
  entry?: { dataset: Dataset; lang: Lang; key: string; model: M };

  get(dataset: Dataset, lang: Lang, key: string, build: () => M): M {
    const c = this.entry;
    if (c && c.dataset === dataset && c.lang === lang && c.key === key) return c.model;
    const model = build();
    this.entry = { dataset, lang, key, model };
    return model;
  }
}
