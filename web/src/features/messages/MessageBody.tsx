import { Anchor, Text } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import { linkify } from './linkify';

/** A message's text as written: line breaks kept, web addresses as links, nothing else interpreted. */
export function MessageBody({ body }: { body: string }) {
  const parts = useMemo(() => linkify(body), [body]);
  return (
    <Text className="message-body">
      {parts.map((part, i) =>
        part.kind === 'link' ? (
          <Anchor key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </Anchor>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </Text>
  );
}
