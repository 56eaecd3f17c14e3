// Every screen on a phone, in French (light) and in English (dark, first as a tablet).
import { DESKTOP } from './support/browser';
import { describeEveryScreen, PASSES } from './support/every-screen';

describeEveryScreen(PASSES.filter((p) => p.viewport !== DESKTOP));
