// Status lives in base/ (shared by extractors/ and pipeline/ without a
// dependency between them); this header keeps the pipeline's include path.
#pragma once
#include "base/status.h"
