import { Fragment, type ReactNode } from 'react';
import type { Block, Run } from './api';
import './contracts.css';

/** A run's text with its line breaks, in bold and/or italic as marked. */
function RunText({ run }: { run: Run }) {
  const lines = String(run.text ?? '').split('\n');
  let node: ReactNode = lines.map((line, i) => (
    <Fragment key={i}>
      {i > 0 && <br />}
      {line}
    </Fragment>
  ));
  if (run.italic) node = <em>{node}</em>;
  if (run.bold) node = <strong>{node}</strong>;
  return node;
}

function Runs({ runs }: { runs: readonly Run[] }) {
  return runs.map((run, i) => <RunText key={i} run={run} />);
}

function DocumentBlock({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading':
      return block.level === 1 ? (
        <h2>
          <Runs runs={block.runs} />
        </h2>
      ) : (
        <h3>
          <Runs runs={block.runs} />
        </h3>
      );
    case 'paragraph':
      return (
        <p>
          <Runs runs={block.runs} />
        </p>
      );
    case 'bullets':
    case 'numbers': {
      const List = block.type === 'bullets' ? 'ul' : 'ol';
      return (
        <List>
          {block.items.map((runs, i) => (
            <li key={i}>
              <Runs runs={runs} />
            </li>
          ))}
        </List>
      );
    }
    default:
      return null; // a block type this version does not know
  }
}

/**
 * A contract's text as the server rendered it: headings (under the page's own title, hence
 * h2 and h3), paragraphs and lists, built as React elements — whatever the text holds, it is
 * shown as text, never interpreted as HTML.
 */
export function ContractDocument({ blocks, label }: { blocks: readonly Block[]; label?: string }) {
  return (
    <article className="contract-document" aria-label={label}>
      {blocks.map((block, i) => (
        <DocumentBlock key={i} block={block} />
      ))}
    </article>
  );
}
