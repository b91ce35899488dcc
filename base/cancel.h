// Cancellation of a run in progress (Ctrl-C, SIGTERM).
//
// The runner's RequestStop (pipeline/runner.h) raises this flag from a
// signal handler; the stages that wait on a helper process (the Poppler
// text child, the page-render helper) and Tesseract's progress monitor poll
// it and give up at once with a kCancelled Status, which the runner never
// records as a document's failure: the document is simply not written, and
// the next run does it again.
#pragma once

namespace foiamine {

// Async-signal-safe.
void RequestCancel();
bool CancelRequested();
// At the start of a run.
void ClearCancel();

}  // namespace foiamine
