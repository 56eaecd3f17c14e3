import { Button, Group, Stack, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canvasPoint, signatureImage } from './signaturePad';
import './contracts.css';

const INK = '#1a1b1e';

/** The canvas's backing pixels at the screen's density (clears it). */
function fit(canvas: HTMLCanvasElement): void {
  const box = canvas.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(box.width * ratio);
  canvas.height = Math.round(box.height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.lineWidth = 2.5 * ratio;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
}

/**
 * An optional drawn signature, with a finger, a pen or a mouse (pointer events); `onChange`
 * gets a PNG data URL after each stroke, null once cleared. The typed name is what signs: the
 * pad adds a picture of the signature to the PDF, so it is skipped freely (by keyboard too).
 */
export function SignaturePad({ onChange }: { onChange: (dataUrl: string | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);
  const titleId = useId();
  const helpId = useId();

  useEffect(() => {
    if (canvas.current) fit(canvas.current);
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const el = e.currentTarget;
    return canvasPoint(e.clientX, e.clientY, el.getBoundingClientRect(), el);
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = point(e);
    const ctx = e.currentTarget.getContext('2d');
    ctx?.beginPath();
    ctx?.arc(p.x, p.y, ctx.lineWidth / 2, 0, Math.PI * 2);
    ctx?.fill();
    last.current = p;
  };

  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const from = last.current;
    if (!from) return;
    const ctx = e.currentTarget.getContext('2d');
    const to = point(e);
    ctx?.beginPath();
    ctx?.moveTo(from.x, from.y);
    ctx?.lineTo(to.x, to.y);
    ctx?.stroke();
    last.current = to;
  };

  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    last.current = null;
    setDrawn(true);
    try {
      onChange(signatureImage(e.currentTarget, true));
      setTooLarge(false);
    } catch {
      setTooLarge(true);
      onChange(null);
    }
  };

  const clear = () => {
    if (canvas.current) fit(canvas.current);
    setDrawn(false);
    setTooLarge(false);
    onChange(null);
  };

  return (
    <Stack gap={6} role="group" aria-labelledby={titleId} aria-describedby={helpId}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} id={titleId}>
          {t('contracts.sign.drawLabel')}{' '}
          <Text span size="sm" c="dimmed" inherit={false}>
            ({t('common.optional')})
          </Text>
        </Text>
        <Button variant="subtle" size="compact-sm" leftSection={<IconEraser size={16} />} onClick={clear} disabled={!drawn} style={{ flexShrink: 0 }}>
          {t('contracts.sign.clear')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" id={helpId}>
        {t('contracts.sign.drawHelp')}
      </Text>
      <canvas
        ref={canvas}
        className="signature-pad"
        role="img"
        aria-label={drawn ? t('contracts.sign.padDrawn') : t('contracts.sign.padEmpty')}
        data-testid="signature-pad"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      {tooLarge && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {t('contracts.sign.drawTooLarge')}
        </Text>
      )}
    </Stack>
  );
}
