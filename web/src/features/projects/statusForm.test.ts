import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import fr from '../../locales/fr/translation.json';
import type { Project } from '../../types/api';
import { projectPatch, statusChoices, suggestedStatus, updateSummary } from './statusForm';

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: 'fr' }));

function project(over: Partial<Project> = {}): Project {
  return {
    id: 'p1',
    status: 'CONFIRMED',
    dueDate: null,
    booking: { id: 'b1', start: '2027-03-12T09:00:00Z', end: '2027-03-12T10:00:00Z' },
    client: { id: 'c1', firstName: 'Chloé', lastName: 'Dubois' },
    service: { id: 's1', name: 'Portrait' },
    nextStatuses: ['SHOT', 'CANCELLED'],
    ...over,
  };
}

describe('project status form', () => {
  it('always has a status: the next step, else the current one, which the picker offers', () => {
    expect(suggestedStatus(project())).toBe('SHOT');
    const closed = project({ status: 'CLOSED', nextStatuses: [] });
    expect(suggestedStatus(closed)).toBe('CLOSED');
    expect(statusChoices(project(), false)).toEqual(['CONFIRMED', 'SHOT', 'CANCELLED']);
    expect(statusChoices(closed, false)).toEqual(['CLOSED']);
    expect(statusChoices(project(), true)).toContain('CONFIRMED');
  });

  it('sends only what changed', () => {
    const p = project({ dueDate: '2027-04-01' });
    const same = { status: p.status, note: '  ', dueDate: '2027-04-01' };
    expect(projectPatch(p, same)).toEqual({});
    expect(projectPatch(p, { ...same, note: ' Retouches en cours ' })).toEqual({ note: 'Retouches en cours' });
    expect(projectPatch(p, { ...same, status: 'SHOT' })).toEqual({ status: 'SHOT' });
    expect(projectPatch(p, { ...same, status: 'DELIVERED' })).toEqual({ status: 'DELIVERED', force: true });
    expect(projectPatch(p, { ...same, dueDate: '' })).toEqual({ dueDate: null });
  });

  it('says what the server did: a note under the same status is not a status change', () => {
    const before = project();
    const t = i18n.getFixedT('en');
    expect(updateSummary(t, before, before, { note: 'x' })).toBe('Note added.');
    expect(updateSummary(t, before, project({ status: 'SHOT' }), { status: 'SHOT', note: 'x' })).toBe('Project moved to “Session done”. Note added.');
    expect(updateSummary(i18n.getFixedT('fr'), before, project({ status: 'SHOT' }), { status: 'SHOT' })).toBe('Projet passé à « Séance faite ».');
    expect(updateSummary(t, before, project({ dueDate: '2027-04-01' }), { dueDate: '2027-04-01' })).toBe('Due date saved.');
    expect(updateSummary(t, project({ dueDate: '2027-04-01' }), before, { dueDate: null })).toBe('Due date removed.');
  });
});
