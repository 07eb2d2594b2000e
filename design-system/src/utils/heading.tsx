import type { HTMLAttributes } from 'react';

export type HeadingLevel = 2 | 3 | 4;

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: HeadingLevel;
}

/** `<h2>`–`<h4>` chosen by the caller so components fit any document outline. */
export function Heading({ level, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return <Tag {...rest} />;
}
