import { Avatar } from '@mantine/core';

/**
 * The studio's mark until it can upload a logo: the first letter of its name on its accent
 * colour. Decorative: the name is always written beside it.
 */
export function StudioMark({ name, size = 40 }: { name: string; size?: number }) {
  const initial = [...name.trim()][0]?.toUpperCase() ?? 'D';
  return (
    <Avatar color="brand" variant="filled" radius="xl" size={size} aria-hidden className="studio-name" style={{ flexShrink: 0 }}>
      {initial}
    </Avatar>
  );
}
