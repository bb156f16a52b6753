/** A note's text as React elements: text nodes, line breaks, bold, italic and https links. Never HTML. */
import { Fragment } from 'react';
import { tokenize } from './format-tokens.js';

/** Renders `text` safely; React escapes every text node, and links are https only. */
export function AnnotationText({ text }: { text: string }) {
  return (
    <>
      {tokenize(text).map((token, i) => {
        switch (token.kind) {
          case 'text':
            return <Fragment key={i}>{token.text}</Fragment>;
          case 'break':
            return <br key={i} />;
          case 'bold':
            return <strong key={i}>{token.text}</strong>;
          case 'italic':
            return <em key={i}>{token.text}</em>;
          case 'link':
            return (
              <a key={i} href={token.href} target="_blank" rel="noopener noreferrer nofollow ugc">
                {token.text}
              </a>
            );
        }
      })}
    </>
  );
}
