import { describe, expect, it } from 'vitest';
import type { Booking, Project } from '../../types/api';
import { clientNextSteps, stepNumber } from './progress';

const NOW = Date.parse('2026-12-02T12:00:00Z');

function booking(id: string, start: string, status: Booking['status'], projectId: string | null = null): Booking {
  const end = new Date(Date.parse(start) + 3_600_000).toISOString();
  return {
    id,
    status,
    start,
    end,
    projectId,
    service: { id: 's', name: 'Portrait', durationMinutes: 60 },
    client: { id: 'c', firstName: 'Léa', lastName: 'Martin', email: 'lea@example.fr' },
    priceCents: 0,
    actions: [],
  };
}

function project(id: string, status: Project['status'], start: string): Project {
  return {
    id,
    status,
    dueDate: null,
    booking: { id: `b-${id}`, start, end: start },
    client: { id: 'c', firstName: 'Léa', lastName: 'Martin' },
    service: { id: 's', name: 'Portrait' },
    nextStatuses: [],
  };
}

describe('clientNextSteps', () => {
  it('shows the next session with its project, whose step is the project’s own', () => {
    const p = project('p1', 'SHOT', '2026-12-10T09:00:00Z');
    const steps = clientNextSteps([booking('b1', '2026-12-10T09:00:00Z', 'CONFIRMED', 'p1')], [p], NOW);
    expect(steps.next?.booking.id).toBe('b1');
    expect(steps.next?.project?.status).toBe('SHOT');
    expect(steps.ongoing).toEqual([]);
  });

  it('keeps past sessions’ projects under way, newest first, and leaves closed and cancelled ones out', () => {
    const projects = [
      project('old', 'DELIVERED', '2026-10-01T09:00:00Z'),
      project('done', 'CLOSED', '2026-09-01T09:00:00Z'),
      project('off', 'CANCELLED', '2026-11-20T09:00:00Z'),
      project('recent', 'EDITING', '2026-11-28T09:00:00Z'),
    ];
    const steps = clientNextSteps([booking('b-old', '2026-10-01T09:00:00Z', 'CONFIRMED', 'old')], projects, NOW);
    expect(steps.next).toBeUndefined();
    expect(steps.ongoing.map((p) => p.id)).toEqual(['recent', 'old']);
  });

  it('picks the earliest live booking, a request included, never a past or cancelled one', () => {
    const bookings = [
      booking('past', '2026-11-30T09:00:00Z', 'CONFIRMED'),
      booking('cancelled', '2026-12-03T09:00:00Z', 'CANCELLED'),
      booking('later', '2026-12-20T09:00:00Z', 'CONFIRMED'),
      booking('request', '2026-12-05T09:00:00Z', 'PENDING'),
    ];
    const steps = clientNextSteps(bookings, [], NOW);
    expect(steps.next?.booking.id).toBe('request');
    expect(steps.next?.project).toBeUndefined();
  });
});

describe('stepNumber', () => {
  it('counts from one and gives no step to a cancelled project', () => {
    expect(stepNumber('CONFIRMED')).toBe(1);
    expect(stepNumber('DELIVERED')).toBe(4);
    expect(stepNumber('CANCELLED')).toBeNull();
  });
});
