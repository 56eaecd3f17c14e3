// Every screen on a desktop, in French (dark, first as a tablet) and in English (light).
import { DESKTOP } from './support/browser';
import { describeEveryScreen, PASSES } from './support/every-screen';

describeEveryScreen(PASSES.filter((p) => p.viewport === DESKTOP));
