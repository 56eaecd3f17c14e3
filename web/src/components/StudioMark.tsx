import { Avatar } from '@mantine/core';

/**
 * The studio's mark: its logo, or until it has one the first letter of its name on its accent
 * colour. Decorative: the name is always written beside it.
 */
export function StudioMark({ name, logoUrl, size = 40 }: { name: string; logoUrl?: string | null; size?: number }) {
  const initial = [...name.trim()][0]?.toUpperCase() ?? 'D';
  if (logoUrl) return <Avatar src={logoUrl} alt="" radius="md" size={size} aria-hidden style={{ flexShrink: 0 }} />;
  return (
    <Avatar color="brand" variant="filled" radius="xl" size={size} aria-hidden className="studio-name" style={{ flexShrink: 0 }}>
      {initial}
    </Avatar>
  );
}
