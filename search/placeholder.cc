#include "pipeline/status.h"
