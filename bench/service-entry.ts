// The benchmark's way into the language service: the same modules the server bundles (service, settings), bundled
// by bench/run.mjs into out/bench/service.cjs so that the full check can be timed in-process, without LSP transport.
export { createResumeService } from '../server/src/service/index';
export { resolveSettings } from '../server/src/service/settings';
export { matchResume, parseJob } from '../server/src/service/match/index';
