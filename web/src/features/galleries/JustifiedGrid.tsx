import { ActionIcon, ThemeIcon } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconHeart, IconHeartFilled } from '@tabler/icons-react';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { GalleryFile } from './api';
import { justify, targetHeightFor } from './justify';
import './galleries.css';

const GAP = 4;
/** Before the container is measured (the first render): a phone's width, whose rows fit any screen. */
const UNMEASURED_WIDTH = 320;

/** A photo over its tiny blurred placeholder, shown once loaded. */
export function BlurImage({ src, placeholder, alt, lazy = true }: { src: string; placeholder: string | null; alt: string; lazy?: boolean }) {
  const [loaded, setLoaded] = useState(false);
  return (
    // Spans: a photo of the grid sits inside a button, which takes no blocks.
    <span className="blur-up">
      {placeholder && <img className="blur-up-placeholder" src={placeholder} alt="" aria-hidden />}
      <img
        className="blur-up-photo"
        src={src}
        alt={alt}
        loading={lazy ? 'lazy' : undefined}
        decoding="async"
        data-loaded={loaded || undefined}
        onLoad={() => setLoaded(true)}
        // Already in the cache: loaded before React listened.
        ref={(img) => {
          if (img?.complete && img.naturalWidth > 0) setLoaded(true);
        }}
      />
    </span>
  );
}

/** A full row shares its width by aspect ratio (equal heights); the last row keeps the target height. */
function itemStyle(aspect: number, filled: boolean, height: number): CSSProperties {
  return filled ? { flex: `${aspect} 1 0`, aspectRatio: aspect } : { flex: `0 1 ${aspect * height}px`, aspectRatio: aspect };
}

interface Props {
  files: GalleryFile[];
  onOpen: (index: number) => void;
  /** Favourites may be changed (else hearts only show the marked ones). */
  canChoose: boolean;
  onFavorite: (file: GalleryFile) => void;
}

/** The client's photos in justified rows, each opening the viewer, with its heart. */
export function JustifiedGrid({ files, onOpen, canChoose, onFavorite }: Props) {
  const { t } = useTranslation();
  const { ref, width } = useElementSize();
  const measured = width > 0 ? width : UNMEASURED_WIDTH;
  const rows = justify(files, { width: measured, targetHeight: targetHeightFor(measured), gap: GAP });
  return (
    <div ref={ref} className="justified" data-testid="justified-grid">
      {rows.map((row) => (
        <div key={row.items[0].index} className="justified-row">
          {row.items.map(({ index, aspect }) => {
            const file = files[index];
            return (
              <div key={file.id} className="justified-item" style={itemStyle(aspect, row.filled, row.height)} data-testid="grid-photo">
                <button type="button" className="justified-open" onClick={() => onOpen(index)} aria-label={t('galleries.client.open', { name: file.name })}>
                  {file.thumbnailUrl && <BlurImage src={file.thumbnailUrl} placeholder={file.placeholder} alt="" />}
                </button>
                <Heart file={file} canChoose={canChoose} onFavorite={onFavorite} />
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** A favourite's heart: a toggle while the selection is open, a mark once it is sent. */
export function Heart({ file, canChoose, onFavorite, size = 'lg' }: { file: GalleryFile; canChoose: boolean; onFavorite: (file: GalleryFile) => void; size?: string }) {
  const { t } = useTranslation();
  if (!canChoose) {
    if (!file.favorite) return null;
    return (
      <ThemeIcon className="justified-heart" variant="white" color="red" radius="xl" size={size} role="img" aria-label={t('galleries.client.favorite')}>
        <IconHeartFilled size={18} />
      </ThemeIcon>
    );
  }
  return (
    <ActionIcon
      className="justified-heart"
      variant="white"
      color="red"
      radius="xl"
      size={size}
      aria-pressed={file.favorite}
      aria-label={t('galleries.client.favoriteNamed', { name: file.name })}
      onClick={() => onFavorite(file)}
    >
      {file.favorite ? <IconHeartFilled size={18} /> : <IconHeart size={18} />}
    </ActionIcon>
  );
}
