// Builds a pipeline once (checking each stage's requires against earlier assigns) and runs it over a Doc.
import { ConfigError, StageError } from '../errors.js';
import type { Article, Doc, Layer } from '../model/types.js';
import { newDoc } from '../model/doc.js';
import type { Context, Stage } from './stage.js';

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(article: Article, options?: { debug?: (line: string) => void; options?: Record<string, unknown> }): Doc;
}

/**
 * Checks the stage order and returns a runnable pipeline.
 * @example buildPipeline([extractTokens, extractDates]).run(article).dates
 */
export function buildPipeline(stages: readonly Stage[]): Pipeline {
  const assigned = new Set<Layer>();
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (!assigned.has(layer)) {
        const provider = stages.find((s) => s.assigns.includes(layer));
        throw new ConfigError(
          `Stage "${stage.name}" requires layer "${layer}", which no earlier stage assigns; ` +
            (provider ? `add "${provider.name}" before it.` : `add a stage that assigns "${layer}".`),
          { option: stage.name },
        );
      }
    }
    for (const layer of stage.assigns) assigned.add(layer);
  }
  return {
    stages,
    run(article, opts = {}) {
      let doc = newDoc(article);
      for (const stage of stages) {
        const ctx: Context = {
          referenceDate: article.date,
          options: opts.options ?? {},
          debug: opts.debug ? (message) => opts.debug!(`[${stage.name}] ${message()}`) : () => undefined,
        };
        try {
          doc = stage.run(doc, ctx);
        } catch (err) {
          throw new StageError(`Stage "${stage.name}" failed on article "${article.id}": ${(err as Error).message}`, {
            stage: stage.name,
            articleId: article.id,
            cause: err,
          });
        }
      }
      return doc;
    },
  };
}
